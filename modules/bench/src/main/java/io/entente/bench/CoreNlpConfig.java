package io.entente.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.Resources;
import io.entente.gold.Counts;
import io.entente.evaluate.Evaluation;
import io.entente.gold.GoldDocument;
import io.entente.evaluate.Scorer;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stock CoreNLP: one {@link StanfordCoreNLP} built from properties, shared by N worker threads
 * (as CoreNLP's own server and its {@code threads} option do).
 *
 * <p>Entities for the F1 score: maximal runs of tokens with the same NER tag inside a sentence.
 * PERSON and ORGANIZATION spans are scored as they are (their text is the name); LOCATION, COUNTRY,
 * STATE_OR_PROVINCE and CITY spans become a country only when their text (case-folded, spaces
 * collapsed, a leading "the" dropped) is a name, official name, alternative or historical name,
 * abbreviation or capital of a country in Entente's {@code models/gazetteers/countries.tsv}; the
 * country's ISO code is then scored. Other tags (MISC, NATIONALITY, dates, numbers...) are ignored.
 */
final class CoreNlpConfig implements Config {
    static final String DEFAULT = "corenlp-default";
    static final String CRF3 = "corenlp-ner3";

    private static final Set<String> PLACE_TAGS = Set.of("LOCATION", "COUNTRY", "STATE_OR_PROVINCE", "CITY");
    private static final Set<String> COUNTRY_KINDS = Set.of("name", "official", "alt", "historical", "abbreviation", "capital");

    private final String name;
    private final Properties props;
    private StanfordCoreNLP pipeline;
    private Map<String, String> countryCodes;

    private CoreNlpConfig(String name, Properties props) {
        this.name = name;
        this.props = props;
    }

    /** CoreNLP's default English pipeline up to NER: {@code tokenize,ssplit,pos,lemma,ner}, every other property default. */
    static CoreNlpConfig defaults() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        return new CoreNlpConfig(DEFAULT, p);
    }

    /** Only CoreNLP's tokenizer, sentence splitter and the 3-class CRF: the model Entente runs on its own tokens. */
    static CoreNlpConfig crf3() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,ner");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("ner.additional.regexner.mapping", "");
        return new CoreNlpConfig(CRF3, p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        StringBuilder b = new StringBuilder("stock CoreNLP 4.5.10, ");
        props.stringPropertyNames().stream().sorted().forEach(k -> b.append(k).append('=').append(props.getProperty(k)).append(' '));
        return b.toString().strip();
    }

    @Override
    public void load() {
        pipeline = new StanfordCoreNLP(props);
    }

    @Override
    public RunStats run(List<Corpus.Doc> docs, int threads) throws Exception {
        LongAdder tokens = new LongAdder();
        LongAdder sentences = new LongAdder();
        LongAdder annotateNanos = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corenlp-worker");
            t.setDaemon(true);
            return t;
        });
        int failed = 0;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Corpus.Doc d : docs) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Annotation a = new Annotation(d.text());
                    pipeline.annotate(a);
                    annotateNanos.add(System.nanoTime() - t0);
                    tokens.add(a.get(CoreAnnotations.TokensAnnotation.class).size());
                    sentences.add(a.get(CoreAnnotations.SentencesAnnotation.class).size());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    System.err.println("entente-bench: " + name + " failed on a document: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("annotate", annotateNanos.sum());
        return new RunStats(tokens.sum(), sentences.sum(), docs.size() - failed, failed, stages);
    }

    @Override
    public Map<EntityType, Counts> evaluate(Path goldDir) throws Exception {
        Map<String, String> codes = countryCodes();
        DocumentReader reader = new DocumentReader();
        Map<EntityType, Counts> out = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            out.put(t, Counts.ZERO);
        }
        for (Path text : Evaluation.goldTexts(goldDir)) {
            String file = text.getFileName().toString();
            GoldDocument gold = GoldDocument.read(text.resolveSibling(file.substring(0, file.length() - 4) + ".gold.json"));
            Document doc;
            try {
                doc = reader.read(new InputFiles.InputFile(text, InputFiles.idFor(text))).document();
            } catch (DocumentReadException e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
            Annotation a = new Annotation(doc.text());
            pipeline.annotate(a);
            Scorer.Result r = Scorer.score(doc.withEntities(entities(a, codes)), gold);
            for (EntityType t : EntityType.values()) {
                out.merge(t, r.entities().getOrDefault(t, Counts.ZERO), Counts::plus);
            }
        }
        return out;
    }

    /** CoreNLP's NER spans as Entente entities (see the class comment for the mapping). */
    static List<Entity> entities(Annotation a, Map<String, String> countryCodes) {
        Map<String, List<Mention>> byKey = new LinkedHashMap<>();
        Map<String, EntityType> types = new HashMap<>();
        List<CoreMap> sentences = a.get(CoreAnnotations.SentencesAnnotation.class);
        for (int si = 0; si < sentences.size(); si++) {
            List<CoreLabel> toks = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
            int i = 0;
            while (i < toks.size()) {
                String tag = toks.get(i).ner();
                if (tag == null || tag.equals("O")) {
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < toks.size() && tag.equals(toks.get(j).ner())) {
                    j++;
                }
                int start = toks.get(i).beginPosition();
                int end = toks.get(j - 1).endPosition();
                String surface = a.get(CoreAnnotations.TextAnnotation.class).substring(start, end);
                String key = null;
                EntityType type = null;
                if (tag.equals("PERSON")) {
                    type = EntityType.PERSON;
                    key = surface;
                } else if (tag.equals("ORGANIZATION")) {
                    type = EntityType.ORGANIZATION;
                    key = surface;
                } else if (PLACE_TAGS.contains(tag)) {
                    String code = countryCodes.get(fold(surface));
                    if (code != null) {
                        type = EntityType.COUNTRY;
                        key = code;
                    }
                }
                if (type != null && end > start) {
                    String k = type + "\t" + key;
                    types.put(k, type);
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new Mention(start, end, surface, si, "corenlp"));
                }
                i = j;
            }
        }
        List<Entity> out = new ArrayList<>();
        byKey.forEach((k, mentions) -> {
            EntityType type = types.get(k);
            String key = k.substring(k.indexOf('\t') + 1);
            out.add(new Entity(type, key, type == EntityType.COUNTRY ? key : null, mentions));
        });
        return out;
    }

    static String fold(String s) {
        String f = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ").strip();
        return f.startsWith("the ") ? f.substring(4) : f;
    }

    /** Country name → ISO alpha-3, from the country gazetteer Entente packages. */
    static Map<String, String> countryTable() {
        Map<String, String> out = new HashMap<>();
        for (String line : Resources.load(null, "models/gazetteers/countries.tsv").text().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length >= 3 && COUNTRY_KINDS.contains(f[2].strip()) && !f[0].strip().equals("code")) {
                out.putIfAbsent(fold(f[1]), f[0].strip());
            }
        }
        return out;
    }

    private Map<String, String> countryCodes() {
        if (countryCodes == null) {
            countryCodes = countryTable();
        }
        return countryCodes;
    }

    @Override
    public void close() {
        pipeline = null;
        StanfordCoreNLP.clearAnnotatorPool();
    }
}
