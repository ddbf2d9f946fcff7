package io.entente.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shared document model. Immutable: each stage returns a copy enriched with its layer, so a
 * document can be handed between threads (or machines) without locking.
 */
public record Document(DocumentInfo info, String text, List<Sentence> sentences, List<Entity> entities,
                       List<ThemeResult> themes, Set<Layer> layers) {

    public Document {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        themes = List.copyOf(themes);
        layers = Set.copyOf(layers);
    }

    /** A new document that holds only its text. */
    public static Document of(DocumentInfo info, String text) {
        return new Document(info, text, List.of(), List.of(), List.of(), EnumSet.of(Layer.TEXT));
    }

    public String id() {
        return info.id();
    }

    public boolean has(Layer layer) {
        return layers.contains(layer);
    }

    public int tokenCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.tokens().size();
        }
        return n;
    }

    public Document withSentences(List<Sentence> newSentences, boolean tokenized) {
        Set<Layer> l = with(Layer.SENTENCES);
        if (tokenized) {
            l.add(Layer.TOKENS);
        }
        return new Document(info, text, newSentences, entities, themes, l);
    }

    public Document withEntities(List<Entity> newEntities) {
        return new Document(info, text, sentences, newEntities, themes, with(Layer.ENTITIES));
    }

    public Document withThemes(List<ThemeResult> newThemes) {
        return new Document(info, text, sentences, entities, newThemes, with(Layer.THEMES));
    }

    public Document withInfo(DocumentInfo newInfo) {
        return new Document(newInfo, text, sentences, entities, themes, layers);
    }

    private Set<Layer> with(Layer layer) {
        EnumSet<Layer> l = EnumSet.copyOf(layers);
        l.add(layer);
        return l;
    }
}
