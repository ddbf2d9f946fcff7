package io.entente.pipeline;

import io.entente.core.Resources;
import io.entente.themes.CodebookLoader;
import io.entente.themes.ModalityCues;
import io.entente.themes.References;
import io.entente.tokenize.Abbreviations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a document's analysis depends on besides its input, in two parts: everything before the
 * theme stage (pipeline version, tokenizer and tagger models, every knowledge file by content hash,
 * the options that change reading) and the theme stage (codebook, classifier and its model,
 * reference and modality phrases). A document whose upstream identity changed is redone; one whose
 * theme identity alone changed has its themes reclassified. Computed without loading any model
 * (knowledge files are small; the binary models are named by their artifact), so an unchanged rerun
 * stays fast.
 */
public record RunIdentity(List<Component> upstream, List<Component> themes) {
    /** One thing the output depends on, with its version or content hash. */
    public record Component(String name, String version) {
    }

    public RunIdentity {
        upstream = List.copyOf(upstream);
        themes = List.copyOf(themes);
    }

    /**
     * @param readingOptions options that change what is read (e.g. {@code encoding}), by name
     */
    public static RunIdentity of(PipelineConfig config, Map<String, String> readingOptions) {
        List<Component> up = new ArrayList<>();
        up.add(new Component("pipeline", StandardPipeline.VERSION));
        openNlpModels(up);
        up.add(file("tokenize/abbreviations.tsv", config.tokenizer().abbreviations(), Abbreviations.DEFAULT_RESOURCE));
        up.add(file("tokenize/sections.tsv", config.tokenizer().sections(), io.entente.tokenize.SectionDetector.DEFAULT_RESOURCE));
        up.add(new Component("corenlp-crf:" + config.entities().nerModel().replaceAll(".*/", ""), artifactOf(config.entities().nerModel())));
        // The entity stage's packaged file names (its constants are package-private there).
        up.add(file("gazetteers/countries.tsv", config.entities().countries(), "models/gazetteers/countries.tsv"));
        up.add(file("gazetteers/regions.tsv", config.entities().regions(), "models/gazetteers/regions.tsv"));
        up.add(file("gazetteers/organizations.tsv", config.entities().organizations(), "models/gazetteers/organizations.tsv"));
        up.add(file("entities/titles.tsv", config.entities().titles(), "models/entities/titles.tsv"));
        up.add(file("entities/function-words.tsv", config.entities().functionWords(), "models/entities/function-words.tsv"));
        up.add(file("entities/org-heads.tsv", config.entities().orgHeads(), "models/entities/org-heads.tsv"));
        new TreeMap<>(readingOptions).forEach((k, v) -> up.add(new Component("option:" + k, v)));

        List<Component> th = new ArrayList<>();
        th.add(file("codebook", config.themes().codebook(), CodebookLoader.DEFAULT_RESOURCE));
        th.add(file("themes/references.tsv", config.themes().references(), References.DEFAULT_RESOURCE));
        th.add(file("themes/modality.tsv", config.themes().modality(), ModalityCues.DEFAULT_RESOURCE));
        th.add(new Component("classifier", config.classifierName()));
        return new RunIdentity(up, th);
    }

    /** This identity with the theme stage's model added (the hybrid classifier's trained layer). */
    public RunIdentity withThemeModel(String name, String sha256) {
        List<Component> th = new ArrayList<>(themes);
        th.add(new Component(name, sha256));
        return new RunIdentity(upstream, th);
    }

    public String upstreamSha256() {
        return digest(upstream);
    }

    public String themesSha256() {
        return digest(themes);
    }

    /** The components that differ from {@code before} (by name), for telling the user why documents are redone. */
    public List<String> changedSince(List<Component> before) {
        Map<String, String> old = new TreeMap<>();
        before.forEach(c -> old.put(c.name(), c.version()));
        List<String> changed = new ArrayList<>();
        List<Component> all = new ArrayList<>(upstream);
        all.addAll(themes);
        for (Component c : all) {
            String was = old.remove(c.name());
            if (!c.version().equals(was)) {
                changed.add(c.name());
            }
        }
        changed.addAll(old.keySet());
        return changed;
    }

    /** Every component, one per line ({@code name TAB version}), upstream first. */
    public String toTsv() {
        StringBuilder b = new StringBuilder("stage\tname\tversion\n");
        upstream.forEach(c -> b.append("upstream\t").append(c.name()).append('\t').append(c.version()).append('\n'));
        themes.forEach(c -> b.append("themes\t").append(c.name()).append('\t').append(c.version()).append('\n'));
        return b.toString();
    }

    /** Parses {@link #toTsv()}; an unreadable text gives an empty identity (everything differs). */
    public static RunIdentity parse(String tsv) {
        List<Component> up = new ArrayList<>();
        List<Component> th = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c.length == 3 && !c[0].equals("stage")) {
                (c[0].equals("themes") ? th : up).add(new Component(c[1], c[2]));
            }
        }
        return new RunIdentity(up, th);
    }

    private static String digest(List<Component> components) {
        StringBuilder b = new StringBuilder();
        components.forEach(c -> b.append(c.name()).append('\u0000').append(c.version()).append('\n'));
        return Resources.sha256(b.toString());
    }

    private static Component file(String name, Path user, String resource) {
        return new Component(name, Resources.load(user, resource).sha256());
    }

    /** OpenNLP's model artifacts each carry a model.properties with name and version. */
    private static void openNlpModels(List<Component> out) {
        List<Component> found = new ArrayList<>();
        try {
            Enumeration<URL> manifests = RunIdentity.class.getClassLoader().getResources("model.properties");
            while (manifests.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = manifests.nextElement().openStream()) {
                    p.load(in);
                }
                if (!p.getProperty("model.name", "").isEmpty()) {
                    found.add(new Component("opennlp:" + p.getProperty("model.name"), p.getProperty("model.version", "?")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model manifests", e);
        }
        found.sort(java.util.Comparator.comparing(Component::name));
        out.addAll(found);
    }

    /** The artifact (jar file name, which carries the version) or file a classpath model comes from. */
    private static String artifactOf(String resource) {
        URL url = RunIdentity.class.getClassLoader().getResource(resource);
        if (url == null) {
            return "file:" + (java.nio.file.Files.isRegularFile(Path.of(resource))
                    ? Resources.load(Path.of(resource), null).sha256() : "missing");
        }
        String s = url.toString();
        int bang = s.indexOf("!/");
        String jar = bang > 0 ? s.substring(0, bang) : s;
        return jar.substring(jar.lastIndexOf('/') + 1);
    }
}
