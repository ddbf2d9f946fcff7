package io.entente.bench.jmh;

import io.entente.bench.Corpus;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import io.entente.entities.EntityStage;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.JsonReport;
import io.entente.report.MarkdownReport;
import io.entente.report.PipelineInfo;
import io.entente.semantic.HybridThemeClassifier;
import io.entente.semantic.SentenceEncoder;
import io.entente.themes.CodebookLoader;
import io.entente.themes.ThemeStage;
import io.entente.tokenize.TokenizeStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Microbenchmarks of Entente's stages on one document of about 700 tokens, sampled (seed 1) from
 * the texts under {@code -Dentente.bench.sources=PATH[,PATH]} (default {@code ../shared/corpus/dev},
 * then a built-in paragraph). Each state loads only the models its benchmark needs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StageBenchmarks {

    static final String FALLBACK = "Japan and South Korea signed the General Security of Military Information Agreement in 2016. "
            + "Officials in Seoul and Tokyo said the shared threat from North Korea made cooperation urgent. "
            + "Historical legacies of the colonial period still weigh on the relationship, said Kim Dae-jung. "
            + "The United States has urged its two allies to deepen trilateral cooperation with NATO partners. "
            + "Territorial disputes over Dokdo continue to fuel mutual distrust between the two governments.";

    /** A fresh ~700-token document, text only. */
    static Document sampleDocument() {
        String prop = System.getProperty("entente.bench.sources", "../shared/corpus/dev");
        List<Path> sources = new ArrayList<>();
        for (String s : prop.split(",")) {
            if (Files.exists(Path.of(s))) {
                sources.add(Path.of(s));
            }
        }
        List<String> sentences = new ArrayList<>();
        try {
            sentences.addAll(Corpus.sentences(sources));
        } catch (java.io.IOException e) {
            // fall back below
        }
        if (sentences.isEmpty()) {
            sentences.addAll(List.of(FALLBACK.split("(?<=\\.) ")));
        }
        String text = Corpus.fromSentences(sentences, 1, 700, 1).docs().get(0).text();
        return Document.of(new DocumentInfo("jmh-doc", "jmh", null, null, Resources.sha256(text)), text);
    }

    /** Text only, and the tokenizer. */
    @State(Scope.Benchmark)
    public static class TextState {
        public TokenizeStage tokenize;
        public Document text;

        @Setup(Level.Trial)
        public void setup() {
            tokenize = new TokenizeStage(PipelineConfig.defaults().tokenizer());
            text = sampleDocument();
        }
    }

    /** A tokenized document, and the entity stage (CRF + gazetteers + merging). */
    @State(Scope.Benchmark)
    public static class TokenizedState {
        public EntityStage entities;
        public Document tokenized;

        @Setup(Level.Trial)
        public void setup() {
            PipelineConfig c = PipelineConfig.defaults();
            tokenized = new TokenizeStage(c.tokenizer()).process(sampleDocument());
            entities = new EntityStage(c.entities());
        }
    }

    /** A tokenized document with its CRF tags and mention candidates, for the entity stage's steps. */
    @State(Scope.Benchmark)
    public static class EntityStepsState {
        public EntityStage entities;
        public Document tokenized;
        public List<String[]> tags;
        public EntityStage.Mentions mentions;

        @Setup(Level.Trial)
        public void setup() {
            PipelineConfig c = PipelineConfig.defaults();
            tokenized = new TokenizeStage(c.tokenizer()).process(sampleDocument());
            entities = new EntityStage(c.entities());
            tags = entities.tag(tokenized);
            mentions = entities.findMentions(tokenized, tags);
        }
    }

    /** A document with tokens and entities, the hybrid theme stage (embedding cache off) and the encoder. */
    @State(Scope.Benchmark)
    public static class HybridState {
        public ThemeStage themes;
        public SentenceEncoder encoder;
        public Document withEntities;
        public List<String> sentences;

        @Setup(Level.Trial)
        public void setup() {
            PipelineConfig c = PipelineConfig.defaults();
            withEntities = StandardPipeline.upstream(c).process(sampleDocument());
            HybridThemeClassifier hybrid = HybridThemeClassifier.loadPackaged(CodebookLoader.load(c.themes().codebook()), 0);
            encoder = hybrid.encoder();
            themes = StandardPipeline.themeStage(c, hybrid);
            sentences = withEntities.sentences().stream()
                    .map(x -> withEntities.text().substring(x.start(), x.end())).toList();
        }
    }

    /** A document with tokens and entities, and the theme stage. */
    @State(Scope.Benchmark)
    public static class EntitiesState {
        public ThemeStage themes;
        public Document withEntities;

        @Setup(Level.Trial)
        public void setup() {
            PipelineConfig c = PipelineConfig.defaults();
            withEntities = StandardPipeline.upstream(c).process(sampleDocument());
            themes = new ThemeStage(c.themes());
        }
    }

    /** A fully processed document and its provenance block. */
    @State(Scope.Benchmark)
    public static class ReportState {
        public Document done;
        public PipelineInfo info;

        @Setup(Level.Trial)
        public void setup() {
            StandardPipeline p = StandardPipeline.build(PipelineConfig.defaults());
            done = p.pipeline().process(sampleDocument());
            info = new PipelineInfo(StandardPipeline.VERSION, p.codebook().id(), p.codebook().sha256(), p.pipeline().models());
        }
    }

    @Benchmark
    public Document tokenize(TextState s) {
        return s.tokenize.process(s.text);
    }

    @Benchmark
    public Document entities(TokenizedState s) {
        return s.entities.process(s.tokenized);
    }

    @Benchmark
    public List<String[]> entitiesCrfTagging(EntityStepsState s) {
        return s.entities.tag(s.tokenized);
    }

    @Benchmark
    public EntityStage.Mentions entitiesGazetteerAndAliasMatching(EntityStepsState s) {
        return s.entities.findMentions(s.tokenized, s.tags);
    }

    @Benchmark
    public Object entitiesMerging(EntityStepsState s) {
        return s.entities.merge(s.tokenized, s.mentions);
    }

    /** The hybrid theme stage on the document: every sentence embedded (no cache), then scored. */
    @Benchmark
    public Document themesHybrid(HybridState s) {
        return s.themes.process(s.withEntities);
    }

    /** Embedding inference alone: all of the document's sentences, one call. */
    @Benchmark
    public float[][] embedDocumentSentences(HybridState s) {
        return s.encoder.encode(s.sentences);
    }

    @Benchmark
    public Document themes(EntitiesState s) {
        return s.themes.process(s.withEntities);
    }

    @Benchmark
    public void reports(ReportState s, Blackhole bh) {
        bh.consume(JsonReport.render(s.done, s.info));
        bh.consume(MarkdownReport.render(s.done, s.info));
    }
}
