package io.entente.themes;

import io.entente.core.Resources;
import io.entente.gold.Counts;
import io.entente.gold.GoldDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-derives a codebook's cues from labeled sentences (a training corpus), theme by theme:
 * <ol>
 *   <li><b>Cue statistics</b>: how many training sentences each cue matches and how many of them carry
 *   the theme.</li>
 *   <li><b>Candidate cues</b> mined from the same words the matcher sees ({@link SentenceWords}):
 *   single words, two- and three-word phrases and {@code a ~2 b} pairs, kept when they match at least
 *   {@code minPositives} theme sentences from at least {@code minDocuments} documents with precision
 *   at least {@code minPrecision}. Phrases may not start or end with a function word
 *   ({@code models/themes/lexicon-stopwords.txt}) and no word may be a proper name (a word written
 *   with a capital inside a sentence more often than not: names of people, places and bodies are not
 *   theme vocabulary) or contain digits.</li>
 *   <li><b>Weights</b> refitted as a noisy-or model, which is what the codebook's score already is: a
 *   sentence carries the theme with probability {@code 1 - exp(-S)}, S the sum of the weights of the
 *   cues that match. The weights are the maximum of the likelihood of the training labels, constrained
 *   to be non-negative, with an L2 penalty that pulls each existing cue towards its codebook weight
 *   (a cue the corpus never or rarely shows keeps what the codebook's author gave it) and each mined
 *   cue towards 0. Then one factor per theme scales its weights so that the codebook's threshold
 *   (0.5: S = ln 2) gives the best F1 on the training sentences. A cue whose weight falls below
 *   {@value #MIN_WEIGHT} is dropped.</li>
 * </ol>
 * Deterministic: the same codebook, sentences and options give the same codebook. Examples, thresholds
 * and settings of the codebook are kept as they are.
 */
public final class LexiconTuner {
    /** Weights below this are dropped (the codebook needs weights above 0). */
    static final double MIN_WEIGHT = 0.05;
    /** The largest weight a cue may get. */
    static final double MAX_WEIGHT = 3.0;
    /** Background rate of the noisy-or, so that a theme sentence without cues has a finite likelihood. */
    private static final double LEAK = 0.01;
    private static final int SWEEPS = 60;

    public static final String STOPWORDS_RESOURCE = "models/themes/lexicon-stopwords.txt";
    public static final String REJECTED_RESOURCE = "models/themes/lexicon-rejected.tsv";

    /**
     * @param minPositives  a mined cue must match at least this many theme sentences
     * @param minDocuments  ... from at least this many documents (no document-specific phrases)
     * @param minPrecision  ... and carry the theme in at least this share of the sentences it matches
     * @param priorPenalty  L2 penalty that pulls an existing cue's weight towards its codebook weight
     * @param minedPenalty  L2 penalty that pulls a mined cue's weight towards 0
     * @param maxMined      at most this many mined cues per theme (the most frequent correct ones)
     * @param rescale       scale each theme's weights for the best training F1 at the threshold
     * @param scaleFolds    choose that scale on out-of-fold sums of this many inner folds by document
     *                      (the whole procedure rerun without each fold); below 2, on the training sums
     * @param keepBetter    with inner folds: keep a theme's cues as given when they score at least the
     *                      out-of-fold F1 of the derived ones on the training sentences
     */
    public record Options(int minPositives, int minDocuments, double minPrecision, double priorPenalty,
                          double minedPenalty, int maxMined, boolean rescale, int scaleFolds, boolean keepBetter) {
        public static Options defaults() {
            return new Options(5, 3, 0.6, 2.0, 1.0, 40, true, 4, true);
        }
    }

    /** What became of one cue. {@code oldWeight} is NaN for a mined cue, {@code newWeight} 0 for a dropped one. */
    public record CueStat(String pattern, double oldWeight, double newWeight, int matches, int correct) {
        public boolean mined() {
            return Double.isNaN(oldWeight);
        }

        public boolean dropped() {
            return newWeight == 0;
        }

        public double precision() {
            return matches == 0 ? Double.NaN : (double) correct / matches;
        }
    }

    /** One theme's outcome: its cues, the scale factor applied, the count of gold sentences. */
    public record ThemeReport(String themeId, List<CueStat> cues, double scale, int positives, boolean keptGiven) {
        public long added() {
            return cues.stream().filter(c -> c.mined() && !c.dropped()).count();
        }

        public long dropped() {
            return cues.stream().filter(c -> !c.mined() && c.dropped()).count();
        }

        /** Existing cues kept whose weight moved by at least 0.05. */
        public long reweighted() {
            return cues.stream().filter(c -> !c.mined() && !c.dropped() && Math.abs(c.newWeight() - c.oldWeight()) >= 0.05).count();
        }
    }

    /** The derived codebook and what happened to every cue. */
    public record Result(Codebook codebook, List<ThemeReport> themes) {
    }

    private final Set<String> stopwords;
    private final Map<String, Set<String>> rejected;
    private final Options options;

    /**
     * @param rejected per theme id ({@code *}: every theme), candidate patterns a reviewer found to be no
     *                 phrase of the theme; they are never mined
     */
    public LexiconTuner(Set<String> stopwords, Map<String, Set<String>> rejected, Options options) {
        this.stopwords = Set.copyOf(stopwords);
        this.rejected = Map.copyOf(rejected);
        this.options = options;
    }

    /**
     * A tuner with the function words of {@code stopwordsFile} and the reviewed rejections of
     * {@code rejectedFile} ({@code theme pattern reason}, tab-separated), or the packaged files when null.
     */
    public static LexiconTuner load(Path stopwordsFile, Path rejectedFile, Options options) {
        Set<String> words = new HashSet<>();
        for (String line : Resources.load(stopwordsFile, STOPWORDS_RESOURCE).text().split("\\R")) {
            String w = line.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        Resources.Loaded file = Resources.load(rejectedFile, REJECTED_RESOURCE);
        Map<String, Set<String>> rejected = new HashMap<>();
        String[] lines = file.text().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = lines[i].split("\t");
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalArgumentException(file.origin() + " line " + (i + 1) + ": needs 'theme<TAB>pattern<TAB>reason'");
            }
            String pattern = cols[1].strip();
            CuePattern.compile(pattern); // a typo would silently reject nothing
            rejected.computeIfAbsent(cols[0].strip(), k -> new HashSet<>()).add(pattern);
        }
        return new LexiconTuner(words, rejected, options);
    }

    /** A tuner with the packaged function words and rejections. */
    public static LexiconTuner load(Options options) {
        return load(null, null, options);
    }

    private boolean isRejected(String themeId, String candidate) {
        return rejected.getOrDefault(themeId, Set.of()).contains(candidate) || rejected.getOrDefault("*", Set.of()).contains(candidate);
    }

    /** The tokenized training sentences, with the facts every theme needs. */
    private record Row(List<String> words, int doc, Set<String> themes) {
    }

    public Result derive(Codebook base, List<GoldDocument> docs) {
        List<Row> rows = new ArrayList<>();
        Map<String, int[]> capitals = new HashMap<>(); // word -> {capitalized inside a sentence, lower case}
        for (int d = 0; d < docs.size(); d++) {
            GoldDocument doc = docs.get(d);
            for (GoldDocument.GoldSentence s : doc.sentences()) {
                SentenceWords sw = SentenceWords.of(doc.text(), s.start(), s.end());
                rows.add(new Row(sw.words(), d, s.themes()));
                boolean previousCapital = false;
                for (int k = 0; k < sw.words().size(); k++) {
                    int at = sw.starts()[k];
                    // the second part of a hyphenated name ("Suk-yeol") counts as written like the first
                    boolean hyphenated = k > 0 && at > 0 && doc.text().charAt(at - 1) == '-' && sw.ends()[k - 1] == at - 1;
                    boolean capital = Character.isUpperCase(doc.text().charAt(at)) || (hyphenated && previousCapital);
                    previousCapital = capital;
                    if (k == 0) {
                        continue; // a sentence's first word is capitalized anyway
                    }
                    int[] n = capitals.computeIfAbsent(sw.words().get(k), x -> new int[2]);
                    n[capital ? 0 : 1]++;
                }
            }
        }
        Set<String> proper = new HashSet<>();
        capitals.forEach((w, n) -> {
            if (n[0] > n[1]) {
                proper.add(w);
            }
        });
        // candidate phrases of every sentence, once per sentence
        List<Set<String>> candidatesOf = new ArrayList<>();
        for (Row r : rows) {
            candidatesOf.add(candidates(r.words(), proper));
        }
        List<Codebook.Theme> themes = new ArrayList<>();
        List<ThemeReport> reports = new ArrayList<>();
        for (Codebook.Theme theme : base.themes()) {
            ThemeFit fit = fitTheme(base, theme, rows, candidatesOf);
            themes.add(new Codebook.Theme(theme.id(), theme.polarity(), theme.name(), theme.definition(), fit.cues,
                    theme.examples(), theme.threshold()));
            reports.add(fit.report);
        }
        Codebook out = new Codebook(base.id(), base.version(), base.name(), base.description(), base.language(),
                base.settings(), themes, base.origin(), base.sha256());
        return new Result(out, List.copyOf(reports));
    }

    private record ThemeFit(List<Codebook.Cue> cues, ThemeReport report) {
    }

    private ThemeFit fitTheme(Codebook base, Codebook.Theme theme, List<Row> rows, List<Set<String>> candidatesOf) {
        if (!options.rescale()) {
            return fit(base, theme, rows, candidatesOf, 1.0);
        }
        if (options.scaleFolds() < 2) {
            return fit(base, theme, rows, candidatesOf, Double.NaN);
        }
        // out-of-fold sums: derive without each inner fold of documents, sum the cues on that fold
        List<String> docIds = new ArrayList<>();
        for (Row r : rows) {
            docIds.add(Integer.toString(r.doc()));
        }
        Map<String, Integer> foldOf = folds(docIds, Math.min(options.scaleFolds(), new HashSet<>(docIds).size()), 1);
        double[] sums = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int f : new TreeSet<>(foldOf.values())) {
            List<Row> train = new ArrayList<>();
            List<Set<String>> trainCandidates = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (foldOf.get(Integer.toString(rows.get(i).doc())) != f) {
                    train.add(rows.get(i));
                    trainCandidates.add(candidatesOf.get(i));
                }
            }
            List<Codebook.Cue> cues = fit(base, theme, train, trainCandidates, 1.0).cues();
            List<CuePattern> compiled = cues.stream().map(c -> CuePattern.compile(c.pattern())).toList();
            for (int i = 0; i < rows.size(); i++) {
                if (foldOf.get(Integer.toString(rows.get(i).doc())) == f) {
                    y[i] = rows.get(i).themes().contains(theme.id());
                    for (int j = 0; j < cues.size(); j++) {
                        if (compiled.get(j).find(rows.get(i).words()) != null) {
                            sums[i] += cues.get(j).weight();
                        }
                    }
                }
            }
        }
        double tau = thresholdSum(base, theme);
        double scale = bestScale(sums, y, tau);
        if (options.keepBetter()) {
            // the theme's cues as given fit nothing: their F1 on these rows is already out of sample
            double[] given = new double[rows.size()];
            for (Codebook.Cue c : theme.cues()) {
                CuePattern p = CuePattern.compile(c.pattern());
                for (int i = 0; i < rows.size(); i++) {
                    if (p.find(rows.get(i).words()) != null) {
                        given[i] += c.weight();
                    }
                }
            }
            if (f1(given, 1, y, tau) >= f1(sums, scale, y, tau)) {
                List<CueStat> report = new ArrayList<>();
                for (Codebook.Cue c : theme.cues()) {
                    int[] m = matchRows(CuePattern.compile(c.pattern()), rows);
                    int correct = 0;
                    for (int i : m) {
                        correct += y[i] ? 1 : 0;
                    }
                    report.add(new CueStat(c.pattern(), c.weight(), c.weight(), m.length, correct));
                }
                int positives = 0;
                for (boolean b : y) {
                    positives += b ? 1 : 0;
                }
                return new ThemeFit(theme.cues(), new ThemeReport(theme.id(), List.copyOf(report), 1.0, positives, true));
            }
        }
        return fit(base, theme, rows, candidatesOf, scale);
    }

    /** F1 of the sentences whose sum, scaled, reaches {@code tau} (1 when there is nothing to find and nothing fires). */
    private static double f1(double[] sums, double scale, boolean[] y, double tau) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean fire = sums[i] > 0 && sums[i] * scale >= tau - 1e-9;
            if (fire && y[i]) {
                tp++;
            } else if (fire) {
                fp++;
            } else if (y[i]) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn).f1();
    }

    /** Fits one theme's weights on these rows and multiplies them by {@code scale} (NaN: the best on these rows). */
    private ThemeFit fit(Codebook base, Codebook.Theme theme, List<Row> rows, List<Set<String>> candidatesOf, double fixedScale) {
        int n = rows.size();
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            y[i] = rows.get(i).themes().contains(theme.id());
            positives += y[i] ? 1 : 0;
        }
        // existing cues
        List<String> patterns = new ArrayList<>();
        List<Double> prior = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<int[]> matches = new ArrayList<>();
        List<CuePattern> existing = new ArrayList<>();
        for (Codebook.Cue c : theme.cues()) {
            CuePattern p = CuePattern.compile(c.pattern());
            existing.add(p);
            patterns.add(c.pattern());
            prior.add(c.weight());
            notes.add(c.note());
            matches.add(matchRows(p, rows));
        }
        int existingCount = patterns.size();
        // mined cues: support and precision on these rows, not already covered by an existing cue
        Map<String, int[]> stats = new TreeMap<>(); // candidate -> {matches, correct}
        Map<String, Set<Integer>> docsOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String c : candidatesOf.get(i)) {
                int[] s = stats.computeIfAbsent(c, k -> new int[2]);
                s[0]++;
                if (y[i]) {
                    s[1]++;
                    docsOf.computeIfAbsent(c, k -> new HashSet<>()).add(rows.get(i).doc());
                }
            }
        }
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<String, int[]> e : stats.entrySet()) {
            int[] s = e.getValue();
            if (s[1] >= options.minPositives() && docsOf.get(e.getKey()).size() >= options.minDocuments()
                    && s[1] >= options.minPrecision() * s[0] && !covered(e.getKey(), existing) && !isRejected(theme.id(), e.getKey())) {
                chosen.add(e.getKey());
            }
        }
        chosen = dropSubsumedPairs(chosen, stats);
        chosen.sort((a, b) -> stats.get(b)[1] != stats.get(a)[1] ? stats.get(b)[1] - stats.get(a)[1] : a.compareTo(b));
        if (chosen.size() > options.maxMined()) {
            chosen = new ArrayList<>(chosen.subList(0, options.maxMined()));
        }
        Collections.sort(chosen);
        Set<List<Integer>> seen = new HashSet<>();
        for (int[] mm : matches) {
            seen.add(java.util.Arrays.stream(mm).boxed().toList());
        }
        for (String c : chosen) {
            int[] mm = matchRows(CuePattern.compile(c), rows);
            if (!seen.add(java.util.Arrays.stream(mm).boxed().toList())) {
                continue; // matches exactly the sentences of a cue already there ("exclusive economic" beside "exclusive economic zone")
            }
            patterns.add(c);
            prior.add(0.0);
            notes.add(null);
            matches.add(mm);
        }
        int m = patterns.size();
        double[] w = new double[m];
        double[] penalty = new double[m];
        double[] w0 = new double[m];
        for (int j = 0; j < m; j++) {
            w0[j] = prior.get(j);
            w[j] = j < existingCount ? Math.min(w0[j], MAX_WEIGHT) : 0.1;
            penalty[j] = j < existingCount ? options.priorPenalty() : options.minedPenalty();
        }
        fitNoisyOr(w, w0, penalty, matches, y);
        double scale = Double.isNaN(fixedScale) ? bestScale(w, matches, y, thresholdSum(base, theme)) : fixedScale;
        List<Codebook.Cue> cues = new ArrayList<>();
        List<CueStat> report = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            double weight = round(Math.min(w[j] * scale, MAX_WEIGHT));
            int correct = 0;
            for (int i : matches.get(j)) {
                correct += y[i] ? 1 : 0;
            }
            boolean keep = weight >= MIN_WEIGHT;
            if (keep) {
                cues.add(new Codebook.Cue(patterns.get(j), weight, notes.get(j)));
            }
            report.add(new CueStat(patterns.get(j), j < existingCount ? w0[j] : Double.NaN, keep ? weight : 0,
                    matches.get(j).length, correct));
        }
        return new ThemeFit(cues, new ThemeReport(theme.id(), List.copyOf(report), scale, positives, false));
    }

    /** S at which the theme fires: -ln(1 - threshold). */
    private static double thresholdSum(Codebook base, Codebook.Theme theme) {
        double t = theme.threshold() != null ? theme.threshold() : base.settings().threshold();
        return -Math.log(1 - t);
    }

    /**
     * Maximum penalized likelihood of the noisy-or {@code P(theme) = 1 - exp(-LEAK - sum w_j x_j)},
     * {@code w >= 0}, by cyclic coordinate descent with a bounded Newton step per weight (the
     * negative log-likelihood is convex in w).
     */
    static void fitNoisyOr(double[] w, double[] w0, double[] penalty, List<int[]> matches, boolean[] y) {
        int n = y.length;
        double[] s = new double[n];
        java.util.Arrays.fill(s, LEAK);
        for (int j = 0; j < w.length; j++) {
            for (int i : matches.get(j)) {
                s[i] += w[j];
            }
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double moved = 0;
            for (int j = 0; j < w.length; j++) {
                double g = 2 * penalty[j] * (w[j] - w0[j]);
                double h = 2 * penalty[j];
                for (int i : matches.get(j)) {
                    if (y[i]) {
                        double e = Math.exp(-s[i]);
                        g -= e / (1 - e);
                        h += e / ((1 - e) * (1 - e));
                    } else {
                        g += 1;
                    }
                }
                if (h <= 0) {
                    continue;
                }
                double step = Math.max(-1, Math.min(1, -g / h));
                double next = Math.max(0, Math.min(MAX_WEIGHT, w[j] + step));
                double delta = next - w[j];
                if (delta != 0) {
                    for (int i : matches.get(j)) {
                        s[i] += delta;
                    }
                    w[j] = next;
                    moved = Math.max(moved, Math.abs(delta));
                }
            }
            if (moved < 1e-6) {
                break;
            }
        }
    }

    /** The factor on every weight that gives the best F1 on these rows at sum {@code tau}; ties go nearest 1. */
    static double bestScale(double[] w, List<int[]> matches, boolean[] y, double tau) {
        double[] s = new double[y.length];
        for (int j = 0; j < w.length; j++) {
            for (int i : matches.get(j)) {
                s[i] += w[j];
            }
        }
        return bestScale(s, y, tau);
    }

    /** The factor on the sums {@code s} that gives the best F1 at {@code tau}; ties go nearest 1. */
    static double bestScale(double[] s, boolean[] y, double tau) {
        double best = 1;
        double bestF1 = -1;
        for (int k = 10; k <= 50; k++) { // 0.50 .. 2.50
            double c = k * 0.05;
            double f1 = f1(s, c, y, tau);
            if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(c - 1) < Math.abs(best - 1))) {
                best = c;
                bestF1 = f1;
            }
        }
        return best;
    }

    private static int[] matchRows(CuePattern p, List<Row> rows) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (p.find(rows.get(i).words()) != null) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Candidate cue patterns of one sentence: words, two- and three-word phrases, {@code a ~2 b} pairs. */
    Set<String> candidates(List<String> words, Set<String> proper) {
        Set<String> out = new HashSet<>();
        int n = words.size();
        for (int i = 0; i < n; i++) {
            String a = words.get(i);
            if (!usable(a, proper)) {
                continue;
            }
            boolean contentA = !stopwords.contains(a);
            if (contentA && a.length() >= 3) {
                out.add(a);
            }
            for (int j = i + 1; j < Math.min(n, i + 4); j++) {
                String b = words.get(j);
                if (!usable(b, proper)) {
                    break;
                }
                boolean contentB = !stopwords.contains(b);
                if (j == i + 1 && contentA && contentB) {
                    out.add(a + " " + b);
                }
                if (j == i + 2 && contentA && contentB && usable(words.get(i + 1), proper)) {
                    out.add(a + " " + words.get(i + 1) + " " + b);
                }
                if (contentA && contentB) {
                    out.add(a + " ~2 " + b);
                }
            }
        }
        return out;
    }

    private boolean usable(String w, Set<String> proper) {
        return w.length() >= 2 && !proper.contains(w) && w.chars().allMatch(Character::isLetter);
    }

    /** True when an existing cue matches the candidate's whole phrase: the candidate adds nothing. */
    private static boolean covered(String candidate, List<CuePattern> existing) {
        List<String> words = new ArrayList<>();
        for (String part : candidate.split(" ")) {
            if (!part.startsWith("~")) {
                words.add(part);
            }
        }
        for (CuePattern p : existing) {
            int[] m = p.find(words);
            if (m != null && m[0] == 0 && m[1] == words.size() - 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Of "a b" and "a ~2 b", keeps the pair only when the gaps find at least two more theme sentences
     * than the phrase; then the phrase goes. Likewise a three-word phrase goes when its "a ~2 c" pair
     * is kept and finds as many theme sentences.
     */
    private static List<String> dropSubsumedPairs(List<String> chosen, Map<String, int[]> stats) {
        Set<String> set = new TreeSet<>(chosen);
        List<String> out = new ArrayList<>();
        for (String c : chosen) {
            String[] p = c.split(" ");
            if (p.length == 3 && p[1].equals("~2")) {
                String phrase = p[0] + " " + p[2];
                if (set.contains(phrase) && stats.get(c)[1] < stats.get(phrase)[1] + 2) {
                    continue;
                }
            } else if (p.length == 2) {
                String pair = p[0] + " ~2 " + p[1];
                if (set.contains(pair) && stats.get(pair)[1] >= stats.get(c)[1] + 2) {
                    continue;
                }
            } else if (p.length == 3) {
                String pair = p[0] + " ~2 " + p[2];
                if (set.contains(pair) && stats.get(pair)[1] >= stats.get(c)[1]) {
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    /**
     * k folds by document: ids sorted, shuffled with {@code new Random(seed)}, dealt round-robin (the
     * same assignment as {@code entente train}'s folds).
     */
    public static Map<String, Integer> folds(List<String> documentIds, int k, long seed) {
        List<String> ids = new ArrayList<>(new TreeSet<>(documentIds));
        Collections.shuffle(ids, new Random(seed));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), i % k);
        }
        return out;
    }

    /** Sentence- and document-level micro counts of a codebook on the gold sentence spans: {sentence, document}. */
    public static Counts[] score(Codebook codebook, List<GoldDocument> docs) {
        ThemeClassifier classifier = new ThemeClassifier(codebook);
        Counts sentence = Counts.ZERO;
        Counts document = Counts.ZERO;
        for (GoldDocument d : docs) {
            Set<String> predictedDoc = new HashSet<>();
            Set<String> goldDoc = new HashSet<>();
            for (GoldDocument.GoldSentence s : d.sentences()) {
                Set<String> predicted = new HashSet<>();
                for (ThemeScore sc : classifier.score(d.text(), s.start(), s.end())) {
                    if (sc.assigned()) {
                        predicted.add(sc.themeId());
                    }
                }
                sentence = sentence.plus(Counts.ofSets(predicted, s.themes()));
                predictedDoc.addAll(predicted);
                goldDoc.addAll(s.themes());
            }
            document = document.plus(Counts.ofSets(predictedDoc, goldDoc));
        }
        return new Counts[] {sentence, document};
    }

    /** k-fold cross-validation by document on the gold sentence spans: derive on k-1 folds, score the k-th. */
    public Counts[] crossValidate(Codebook base, List<GoldDocument> docs, int k, long seed) {
        Map<String, Integer> foldOf = folds(docs.stream().map(GoldDocument::id).toList(), k, seed);
        Counts sentence = Counts.ZERO;
        Counts document = Counts.ZERO;
        for (int f = 0; f < k; f++) {
            int fold = f;
            List<GoldDocument> train = docs.stream().filter(d -> foldOf.get(d.id()) != fold).toList();
            List<GoldDocument> test = docs.stream().filter(d -> foldOf.get(d.id()) == fold).toList();
            Counts[] s = score(derive(base, train).codebook(), test);
            sentence = sentence.plus(s[0]);
            document = document.plus(s[1]);
        }
        return new Counts[] {sentence, document};
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
