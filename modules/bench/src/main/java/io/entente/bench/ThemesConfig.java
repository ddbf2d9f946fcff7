package io.entente.bench;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.EntityType;
import io.entente.core.Pipeline;
import io.entente.core.Resources;
import io.entente.gold.Counts;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.semantic.HybridThemeClassifier;
import io.entente.semantic.SentenceEncoder;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import io.entente.themes.ThemeStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Theme classification alone: the theme stage over documents already tokenized and entity-tagged
 * (untimed, in {@link #prepare}), with the lexicon scorer or the hybrid one (embedding layer on, its
 * cache off). Answers "how many sentences per second does classification take, with and without
 * the embedding layer".
 */
final class ThemesConfig implements Config {
    static final String LEXICON = "themes-lexicon";
    static final String HYBRID = "themes-hybrid";

    private final boolean hybrid;
    private ThemeStage stage;
    private List<Document> prepared = List.of();

    ThemesConfig(boolean hybrid) {
        this.hybrid = hybrid;
    }

    /**
     * The learned theme stage with an encoder whose cache is off: every sentence is embedded. The packaged
     * model, or the model file named by the system property {@code entente.bench.semanticModel} (to time
     * another encoder's model side by side).
     */
    static ThemeStage hybridStage(PipelineConfig config, Codebook codebook) {
        String file = System.getProperty("entente.bench.semanticModel");
        if (file == null) {
            return StandardPipeline.themeStage(config, HybridThemeClassifier.loadPackaged(codebook, 0));
        }
        try {
            io.entente.semantic.HybridModel m = io.entente.semantic.HybridModel.read(java.nio.file.Path.of(file));
            return StandardPipeline.themeStage(config, new HybridThemeClassifier(codebook, m, HybridThemeClassifier.encoderFor(m, 0)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return hybrid ? HYBRID : LEXICON;
    }

    @Override
    public String description() {
        return hybrid ? "Entente ThemeStage alone with the hybrid classifier (embedding layer on, cache off) on pre-tagged documents"
                : "Entente ThemeStage alone with the lexicon classifier (no embedding layer) on pre-tagged documents";
    }

    @Override
    public void load() {
        PipelineConfig config = PipelineConfig.defaults();
        Codebook codebook = CodebookLoader.load(config.themes().codebook());
        stage = hybrid ? hybridStage(config, codebook) : StandardPipeline.themeStage(config, codebook);
    }

    @Override
    public void prepare(List<Corpus.Doc> docs) {
        Pipeline upstream = StandardPipeline.upstream(PipelineConfig.defaults());
        List<Document> out = new ArrayList<>(docs.size());
        for (Corpus.Doc d : docs) {
            out.add(upstream.process(Document.of(new DocumentInfo(d.id(), "bench:" + d.id(), null, null, Resources.sha256(d.text())), d.text())));
        }
        prepared = out;
    }

    @Override
    public RunStats run(List<Corpus.Doc> docs, int threads) throws Exception {
        LongAdder nanos = new LongAdder();
        LongAdder tokens = new LongAdder();
        LongAdder sentences = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int failed = 0;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Document d : prepared) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Document r = stage.process(d);
                    nanos.add(System.nanoTime() - t0);
                    tokens.add(r.tokenCount());
                    sentences.add(r.sentences().size());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    System.err.println("entente-bench: " + name() + " failed on a document: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new RunStats(tokens.sum(), sentences.sum(), prepared.size() - failed, failed, Map.of("themes", nanos.sum()));
    }

    /** Classification has no entities of its own to score. */
    @Override
    public Map<EntityType, Counts> evaluate(Path goldDir) {
        return null;
    }

    @Override
    public void close() {
        stage = null;
        prepared = List.of();
    }
}
