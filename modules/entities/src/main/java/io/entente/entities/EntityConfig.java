package io.entente.entities;

import java.nio.file.Path;

/**
 * Configuration of the entity stage. A {@code null} path means the packaged file under
 * {@code models/}; a user's file replaces it.
 *
 * @param nerModel classpath or file path of a Stanford CRF NER model
 */
public record EntityConfig(Path countries, Path regions, Path organizations, Path titles, Path functionWords,
                           Path orgHeads, Path nonEntities, String nerModel) {
    public static final String DEFAULT_NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    public static EntityConfig defaults() {
        return new EntityConfig(null, null, null, null, null, null, null, DEFAULT_NER_MODEL);
    }
}
