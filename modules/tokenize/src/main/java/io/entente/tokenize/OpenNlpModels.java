package io.entente.tokenize;

import io.entente.core.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;

/**
 * Finds OpenNLP's English models in their Maven artifacts on the classpath. Each artifact carries a
 * {@code model.properties} naming its model file, so the model is located by that manifest.
 */
final class OpenNlpModels {
    private OpenNlpModels() {
    }

    record Located(String resource, ModelInfo info) {
    }

    /** The model whose manifest name contains {@code kind} (e.g. "-sentence-", "-tokens-"). */
    static Located find(String kind) {
        try {
            Enumeration<URL> manifests = OpenNlpModels.class.getClassLoader().getResources("model.properties");
            while (manifests.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = manifests.nextElement().openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("model.name", "");
                if (name.contains(kind)) {
                    return new Located(name, new ModelInfo("opennlp:" + name, p.getProperty("model.version", "?")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model manifests", e);
        }
        throw new IllegalStateException("no OpenNLP model '" + kind + "' on the classpath: is the "
                + "opennlp-models-*-en artifact a dependency?");
    }

    static InputStream open(Located model) {
        InputStream in = OpenNlpModels.class.getClassLoader().getResourceAsStream(model.resource());
        if (in == null) {
            throw new IllegalStateException("OpenNLP model file missing from the classpath: " + model.resource());
        }
        return in;
    }
}
