package io.entente.bench;

import io.entente.core.AtomicFiles;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.EntityType;
import io.entente.core.Pipeline;
import io.entente.core.Resources;
import io.entente.core.Stage;
import io.entente.gold.Counts;
import io.entente.evaluate.Evaluation;
import io.entente.input.InputFiles;
import io.entente.pipeline.BatchRunner;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.JsonReport;
import io.entente.report.MarkdownReport;
import io.entente.report.PipelineInfo;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Entente itself, run through {@link BatchRunner} as {@code entente analyze} runs it: the full
 * pipeline with hybrid or lexicon themes and JSON and Markdown reports written to a temporary folder,
 * or tokenization and entities only.
 */
final class EntenteConfig implements Config {
    static final String FULL = "entente-full";
    static final String LEXICON = "entente-lexicon";
    static final String ENTITIES = "entente-entities";

    /** What runs. */
    enum Mode { HYBRID, LEXICON, ENTITIES }

    private final Mode mode;
    private Pipeline pipeline;
    private PipelineInfo info;

    EntenteConfig(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return switch (mode) {
            case HYBRID -> FULL;
            case LEXICON -> LEXICON;
            case ENTITIES -> ENTITIES;
        };
    }

    @Override
    public String description() {
        return switch (mode) {
            case HYBRID -> "Entente StandardPipeline (tokenize, entities, learned themes: the packaged model's sentence encoder + lexicon features + logistic"
                    + " regression; embedding cache off, every sentence embedded) + JSON and Markdown reports written to a temp dir";
            case LEXICON -> "Entente StandardPipeline with lexicon themes (no embedding layer) + JSON and Markdown reports written to a temp dir";
            case ENTITIES -> "Entente TokenizeStage + EntityStage (OpenNLP tokens, CoreNLP 3-class CRF on them, gazetteers, merging)";
        };
    }

    @Override
    public void load() {
        PipelineConfig config = PipelineConfig.defaults();
        if (mode == Mode.ENTITIES) {
            pipeline = StandardPipeline.upstream(config);
            return;
        }
        Codebook codebook = CodebookLoader.load(config.themes().codebook());
        StandardPipeline p = mode == Mode.HYBRID ? StandardPipeline.build(config, ThemesConfig.hybridStage(config, codebook))
                : StandardPipeline.build(config, codebook);
        pipeline = p.pipeline();
        info = new PipelineInfo(StandardPipeline.VERSION, codebook.id(), codebook.sha256(), pipeline.models());
    }

    @Override
    public RunStats run(List<Corpus.Doc> docs, int threads) throws Exception {
        // Documents are built before the clock starts: reading files is not what is measured.
        Map<String, Document> byId = new HashMap<>();
        List<InputFiles.InputFile> files = new ArrayList<>(docs.size());
        for (Corpus.Doc d : docs) {
            byId.put(d.id(), Document.of(new DocumentInfo(d.id(), "bench:" + d.id(), null, null, Resources.sha256(d.text())), d.text()));
            files.add(new InputFiles.InputFile(Path.of(d.id() + ".txt"), d.id()));
        }
        List<Stage> stages = pipeline.stages();
        LongAdder[] stageNanos = new LongAdder[stages.size()];
        for (int i = 0; i < stageNanos.length; i++) {
            stageNanos[i] = new LongAdder();
        }
        LongAdder reportNanos = new LongAdder();
        LongAdder tokens = new LongAdder();
        LongAdder sentences = new LongAdder();
        AtomicInteger failed = new AtomicInteger();
        boolean full = mode != Mode.ENTITIES;
        Path out = full ? Files.createTempDirectory("entente-bench-reports") : null;
        try {
            BatchRunner.Work work = file -> {
                long[] t = new long[stages.size()];
                Document result = pipeline.process(byId.get(file.id()), t);
                for (int i = 0; i < t.length; i++) {
                    stageNanos[i].add(t[i]);
                }
                tokens.add(result.tokenCount());
                sentences.add(result.sentences().size());
                return new BatchRunner.Outcome(result, List.of());
            };
            BatchRunner.Sink sink = new BatchRunner.Sink() {
                @Override
                public void processed(InputFiles.InputFile file, Document document, List<String> warnings) throws IOException {
                    if (out != null) {
                        long t0 = System.nanoTime();
                        AtomicFiles.write(out.resolve(document.id() + ".json"), JsonReport.render(document, info));
                        AtomicFiles.write(out.resolve(document.id() + ".md"), MarkdownReport.render(document, info));
                        reportNanos.add(System.nanoTime() - t0);
                    }
                }

                @Override
                public void failed(InputFiles.InputFile file, String reason) {
                    failed.incrementAndGet();
                    System.err.println("entente-bench: " + file.id() + " failed: " + reason);
                }
            };
            BatchRunner.Summary s = new BatchRunner(work, threads).run(files, sink, BatchRunner.Progress.NONE);
            Map<String, Long> perStage = new LinkedHashMap<>();
            for (int i = 0; i < stages.size(); i++) {
                perStage.put(stages.get(i).name(), stageNanos[i].sum());
            }
            if (full) {
                perStage.put("reports", reportNanos.sum());
            }
            return new RunStats(tokens.sum(), sentences.sum(), s.processed(), s.failed(), perStage);
        } finally {
            if (out != null) {
                deleteTree(out);
            }
        }
    }

    @Override
    public Map<EntityType, Counts> evaluate(Path goldDir) throws IOException {
        Evaluation e = Evaluation.run(pipeline, goldDir);
        Map<EntityType, Counts> out = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            out.put(t, e.entities(t));
        }
        return out;
    }

    @Override
    public void close() {
        pipeline = null;
        info = null;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
