import io.entente.core.Span;
import io.entente.gold.*;
import io.entente.semantic.*;
import io.entente.themes.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** Research harness (docs/experiments/run.sh): theme classifiers compared by 5-fold CV by document on train only. */
public class Exp {
    static int n, nt, D;
    static double[][] X;      // standard feature rows (all groups)
    static float[][] E;       // embeddings
    static boolean[][] Y;     // [theme][row]
    static int[] doc, fold;
    static int[] prevRow, nextRow;
    static List<String> themes;
    static int K = 5;
    static boolean WANT_STATES = Boolean.getBoolean("states");
    static List<float[]> ST = new ArrayList<>();

    static List<String> TEXT = new ArrayList<>();
    static List<boolean[]> LEXA = new ArrayList<>();
    public static void main(String[] a) throws Exception {
        load(a[0]);
        for (int k = 1; k < a.length; k++) {
            long t0 = System.nanoTime();
            double[][] s = run(a[k]);
            report(a[k], s);
            System.out.printf("   (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    static void load(String encName) throws Exception {
        Codebook cb = CodebookLoader.load(Path.of("models/codebooks/security-cooperation.json"));
        GoldCorpus gc = GoldCorpus.read(Path.of("../shared/corpus/train"));
        themes = cb.themes().stream().map(Codebook.Theme::id).toList();
        nt = themes.size();
        List<double[]> xs = new ArrayList<>();
        List<float[]> es = new ArrayList<>();
        List<Set<String>> gs = new ArrayList<>();
        List<Integer> ds = new ArrayList<>();
        EncoderSpec spec = EncoderSpec.registry().forName(encName, Map.of());
        try (SentenceEncoder enc = spec.open(Map.of("cache", "100000"))) {
            Path cache = Path.of("/tmp/exp/" + encName + ".cache");
            enc.loadCache(cache);
            Features feats = new Features(cb, enc.dimension(), Features.DEFAULT_GROUPS);
            for (int d = 0; d < gc.documents().size(); d++) {
                GoldDocument g = gc.documents().get(d);
                List<Span> spans = g.sentences().stream().map(s -> new Span(s.start(), s.end())).toList();
                float[][] emb = enc.encode(spans.stream().map(s -> g.text().substring(s.start(), s.end())).toList());
                if (WANT_STATES) for (Span s : spans) ST.add(io.entente.semantic.Tok.states(enc, g.text().substring(s.start(), s.end())));
                Features.Prepared p = feats.prepare(g.text(), spans, emb);
                for (int i = 0; i < spans.size(); i++) {
                    xs.add(p.rows()[i]);
                    boolean[] la = new boolean[nt];
                    for (ThemeScore sc : p.lexicon().get(i)) la[themes.indexOf(sc.themeId())] = sc.assigned();
                    LEXA.add(la);
                    TEXT.add(g.text().substring(spans.get(i).start(), spans.get(i).end()));
                    es.add(emb[i]);
                    gs.add(g.sentences().get(i).themes());
                    ds.add(d);
                }
            }
            enc.saveCache(cache);
        }
        if (Boolean.getBoolean("partners")) {
            partnerFeatures(gc, xs);
        }
        n = xs.size();
        X = xs.toArray(new double[0][]);
        E = es.toArray(new float[0][]);
        D = E[0].length;
        Y = new boolean[nt][n];
        doc = new int[n];
        fold = new int[n];
        prevRow = new int[n];
        nextRow = new int[n];
        List<String> ids = gc.documents().stream().map(GoldDocument::id).toList();
        Map<String, Integer> fod = Folds.byDocument(ids, K, 1);
        for (int i = 0; i < n; i++) {
            doc[i] = ds.get(i);
            fold[i] = fod.get(ids.get(doc[i]));
            for (int t = 0; t < nt; t++) Y[t][i] = gs.get(i).contains(themes.get(t));
            prevRow[i] = i > 0 && ds.get(i - 1) == doc[i] ? i - 1 : -1;
            nextRow[i] = i + 1 < n && ds.get(i + 1) == doc[i] ? i + 1 : -1;
        }
        System.out.printf("rows %d dims %d%n", n, X[0].length);
    }

    static double[][] run(String what) {
        String[] p = what.split(":");
        switch (p[0]) {
            case "lr": return lrOof(X, Double.parseDouble(p[1]));
            case "lrknn": return lrOofKnn(Double.parseDouble(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3]), false);
            case "lrknnctx": return lrOofKnn(Double.parseDouble(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3]), true);
            case "lrctx": return lrOof(withContext(X), Double.parseDouble(p[1]));
            case "attn": return attnOof(Integer.parseInt(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]), Integer.parseInt(p[4]));
            case "lexshape": { lexShape(); return null; }
            case "knn": return knnOnly(Integer.parseInt(p[1]), Double.parseDouble(p[2]));
            case "mlp": return mlpOof(X, Integer.parseInt(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]), Integer.parseInt(p[5]));
            case "mlpctx": return mlpOof(withContext(X), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]), Integer.parseInt(p[5]));
            default: throw new IllegalArgumentException(what);
        }
    }

    /**
     * Appends the partner features to each row (before the shape pair, so the shape stays last): the
     * document's partners are its two most-mentioned countries (entity stage on the gold text); per
     * sentence: names a partner, names both, names another country, log(1 + countries named), and each
     * theme's lexicon score times "names both" and times "names another country only".
     */
    static void partnerFeatures(GoldCorpus gc, List<double[]> xs) {
        int row = 0;
        try (io.entente.core.Pipeline up = io.entente.pipeline.StandardPipeline.upstream(io.entente.pipeline.PipelineConfig.defaults())) {
            for (GoldDocument g : gc.documents()) {
                io.entente.core.Document d = up.process(io.entente.core.Document.of(new io.entente.core.DocumentInfo(g.id(), g.id(), null, null, "0"), g.text()));
                Map<String, Integer> count = new LinkedHashMap<>();
                List<int[]> spans = new ArrayList<>();
                List<String> codes = new ArrayList<>();
                for (io.entente.core.Entity e : d.entities()) {
                    if (e.type() != io.entente.core.EntityType.COUNTRY || e.code() == null) continue;
                    count.merge(e.code(), e.mentions().size(), Integer::sum);
                    for (io.entente.core.Mention m : e.mentions()) { spans.add(new int[] {m.start(), m.end()}); codes.add(e.code()); }
                }
                List<String> partners = count.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(2).map(Map.Entry::getKey).toList();
                for (GoldDocument.GoldSentence s : g.sentences()) {
                    Set<String> named = new TreeSet<>();
                    for (int k = 0; k < spans.size(); k++) if (spans.get(k)[0] >= s.start() && spans.get(k)[1] <= s.end()) named.add(codes.get(k));
                    int np = (int) partners.stream().filter(named::contains).count();
                    boolean other = named.stream().anyMatch(c -> !partners.contains(c));
                    double both = np >= 2 ? 1 : 0, otherOnly = other && np == 0 ? 1 : 0;
                    double[] x = xs.get(row);
                    int shapeAt = x.length - 2;
                    double[] y = new double[x.length + 4 + 2 * nt];
                    System.arraycopy(x, 0, y, 0, shapeAt);
                    int k = shapeAt;
                    y[k++] = np > 0 ? 1 : 0;
                    y[k++] = both;
                    y[k++] = other ? 1 : 0;
                    y[k++] = Math.log1p(named.size());
                    int lexAt = x.length - 2 - 4 * nt; // lexicon group: after the embedding, before neighbours and document
                    for (int t = 0; t < nt; t++) y[k++] = x[lexAt + t] * both;
                    for (int t = 0; t < nt; t++) y[k++] = x[lexAt + t] * otherOnly;
                    y[k++] = x[shapeAt];
                    y[k++] = x[shapeAt + 1];
                    xs.set(row++, y);
                }
            }
        }
        System.out.println("partner features added");
    }

    static double[][] withContext(double[][] x) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] r = Arrays.copyOf(x[i], x[i].length + D);
            for (int j = 0; j < D; j++) {
                double v = 0; int c = 0;
                if (prevRow[i] >= 0) { v += E[prevRow[i]][j]; c++; }
                if (nextRow[i] >= 0) { v += E[nextRow[i]][j]; c++; }
                r[x[i].length + j] = c == 0 ? 0 : v / c;
            }
            out[i] = r;
        }
        return out;
    }

    // ---------- logistic regression, out-of-fold logits ----------
    static double[][] lrOof(double[][] x, double lambda) {
        double[][] out = new double[nt][n];
        double[] pen = new double[x[0].length];
        Arrays.fill(pen, lambda);
        for (int f = 0; f < K; f++) {
            final int ff = f;
            int[] tr = IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
            double[][] xt = Arrays.stream(tr).mapToObj(i -> x[i]).toArray(double[][]::new);
            IntStream.range(0, nt).parallel().forEach(t -> {
                boolean[] yt = new boolean[tr.length];
                for (int j = 0; j < tr.length; j++) yt[j] = Y[t][tr[j]];
                LogisticRegression.Model m = LogisticRegression.fitQuasiNewton(xt, yt, pen);
                for (int i = 0; i < n; i++) if (fold[i] == ff) out[t][i] = dot(m, x[i]);
            });
        }
        return out;
    }

    static double dot(LogisticRegression.Model m, double[] x) {
        double z = m.bias();
        for (int j = 0; j < x.length; j++) z += m.weights()[j] * x[j];
        return z;
    }

    // ---------- per-theme attention pooling over token states + linear on the other features ----------
    static double[][] attnOof(int epochs, double lr, double l2, int heads) {
        int P = X[0].length - D;
        double[][] out = new double[nt][n];
        for (int f = 0; f < K; f++) {
            final int ff = f;
            int[] tr = IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
            double[] mean = new double[P], sd = new double[P];
            for (int i : tr) for (int j = 0; j < P; j++) mean[j] += X[i][D + j] / tr.length;
            for (int i : tr) for (int j = 0; j < P; j++) sd[j] += Math.pow(X[i][D + j] - mean[j], 2) / tr.length;
            for (int j = 0; j < P; j++) sd[j] = Math.max(Math.sqrt(sd[j]), 1e-3);
            double[][] xo = new double[n][P];
            for (int i = 0; i < n; i++) for (int j = 0; j < P; j++) xo[i][j] = (X[i][D + j] - mean[j]) / sd[j];
            IntStream.range(0, nt).parallel().forEach(t -> {
                double[][] q = new double[heads][D];
                double[][] w = new double[heads][D];
                double[] u = new double[P];
                double[] b = new double[1];
                Random r = new Random(7 + t);
                Adam aq = new Adam(heads * D), aw = new Adam(heads * D), au = new Adam(P), ab = new Adam(1);
                int[] order = tr.clone();
                int batch = 32;
                double scale = 1 / Math.sqrt(D);
                for (int ep = 0; ep < epochs; ep++) {
                    for (int i = order.length - 1; i > 0; i--) { int j = r.nextInt(i + 1); int tmp = order[i]; order[i] = order[j]; order[j] = tmp; }
                    for (int b0 = 0; b0 < order.length; b0 += batch) {
                        int bs = Math.min(batch, order.length - b0);
                        double[][] gq = new double[heads][D], gw = new double[heads][D];
                        double[] gu = new double[P], gb = new double[1];
                        for (int qq = 0; qq < bs; qq++) {
                            int i = order[b0 + qq];
                            float[] h = ST.get(i);
                            int m = h.length / D;
                            double[][] a = new double[heads][];
                            double[][] v = new double[heads][D];
                            double z = b[0];
                            for (int j = 0; j < P; j++) z += u[j] * xo[i][j];
                            for (int hh = 0; hh < heads; hh++) {
                                a[hh] = attention(q[hh], h, m, scale);
                                for (int k = 0; k < m; k++) for (int d = 0; d < D; d++) v[hh][d] += a[hh][k] * h[k * D + d];
                                for (int d = 0; d < D; d++) z += w[hh][d] * v[hh][d];
                            }
                            double dz = LogisticRegression.sigmoid(z) - (Y[t][i] ? 1 : 0);
                            gb[0] += dz;
                            for (int j = 0; j < P; j++) gu[j] += dz * xo[i][j];
                            for (int hh = 0; hh < heads; hh++) {
                                double[] da = new double[m];
                                double dot = 0;
                                for (int k = 0; k < m; k++) {
                                    double s = 0;
                                    for (int d = 0; d < D; d++) s += w[hh][d] * h[k * D + d];
                                    da[k] = dz * s;
                                    dot += a[hh][k] * da[k];
                                }
                                for (int d = 0; d < D; d++) gw[hh][d] += dz * v[hh][d];
                                for (int k = 0; k < m; k++) {
                                    double ds = a[hh][k] * (da[k] - dot) * scale;
                                    for (int d = 0; d < D; d++) gq[hh][d] += ds * h[k * D + d];
                                }
                            }
                        }
                        for (int hh = 0; hh < heads; hh++) for (int d = 0; d < D; d++) { gq[hh][d] += 2 * l2 * q[hh][d] * bs; gw[hh][d] += 2 * l2 * w[hh][d] * bs; }
                        for (int j = 0; j < P; j++) gu[j] += 2 * l2 * u[j] * bs;
                        aq.step(q, gq, bs, lr, 0);
                        aw.step(w, gw, bs, lr, 0);
                        au.step(u, gu, bs, lr, 0);
                        ab.step(b, gb, bs, lr, 0);
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (fold[i] != ff) continue;
                    float[] h = ST.get(i);
                    int m = h.length / D;
                    double z = b[0];
                    for (int j = 0; j < P; j++) z += u[j] * xo[i][j];
                    for (int hh = 0; hh < heads; hh++) {
                        double[] a = attention(q[hh], h, m, scale);
                        for (int k = 0; k < m; k++) for (int d = 0; d < D; d++) z += w[hh][d] * a[k] * h[k * D + d];
                    }
                    out[t][i] = z;
                }
            });
        }
        return out;
    }

    static double[] attention(double[] q, float[] h, int m, double scale) {
        double[] s = new double[m];
        double mx = -1e300;
        for (int k = 0; k < m; k++) {
            double v = 0;
            for (int d = 0; d < D; d++) v += q[d] * h[k * D + d];
            s[k] = v * scale;
            mx = Math.max(mx, s[k]);
        }
        double sum = 0;
        for (int k = 0; k < m; k++) { s[k] = Math.exp(s[k] - mx); sum += s[k]; }
        for (int k = 0; k < m; k++) s[k] /= sum;
        return s;
    }

    // ---------- kNN label transfer ----------
    static float[][] sim;

    static void sims() {
        if (sim != null) return;
        sim = new float[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < D; k++) s += E[i][k] * E[j][k];
                sim[i][j] = (float) s;
            }
        });
    }

    /** Per theme, the softmax(sim/tau)-weighted label mean of the k most similar rows of the pool, other documents only. */
    static double[] knn(int i, boolean[] pool, int k, double tau) {
        int[] best = new int[k];
        float[] bs = new float[k];
        Arrays.fill(bs, -9);
        Arrays.fill(best, -1);
        for (int j = 0; j < n; j++) {
            if (!pool[j] || doc[j] == doc[i]) continue;
            float s = sim[i][j];
            if (s > bs[k - 1]) {
                int q = k - 1;
                while (q > 0 && bs[q - 1] < s) { bs[q] = bs[q - 1]; best[q] = best[q - 1]; q--; }
                bs[q] = s; best[q] = j;
            }
        }
        double[] out = new double[nt + 1];
        double wsum = 0;
        for (int q = 0; q < k; q++) {
            if (best[q] < 0) continue;
            double w = Math.exp((bs[q] - bs[0]) / tau);
            wsum += w;
            for (int t = 0; t < nt; t++) if (Y[t][best[q]]) out[t] += w;
        }
        for (int t = 0; t < nt; t++) out[t] /= wsum;
        out[nt] = bs[0];
        return out;
    }

    static double[][] lrOofKnn(double lambda, int k, double tau, boolean ctx) {
        sims();
        double[][] base = ctx ? withContext(X) : X;
        double[][] out = new double[nt][n];
        for (int f = 0; f < K; f++) {
            final int ff = f;
            boolean[] pool = new boolean[n];
            for (int i = 0; i < n; i++) pool[i] = fold[i] != ff;
            double[][] xk = new double[n][];
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] kf = knn(i, pool, k, tau);
                double[] r = Arrays.copyOf(base[i], base[i].length + kf.length);
                System.arraycopy(kf, 0, r, base[i].length, kf.length);
                xk[i] = r;
            });
            int[] tr = IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
            double[][] xt = Arrays.stream(tr).mapToObj(i -> xk[i]).toArray(double[][]::new);
            double[] pen = new double[xk[0].length];
            Arrays.fill(pen, lambda);
            IntStream.range(0, nt).parallel().forEach(t -> {
                boolean[] yt = new boolean[tr.length];
                for (int j = 0; j < tr.length; j++) yt[j] = Y[t][tr[j]];
                LogisticRegression.Model m = LogisticRegression.fitQuasiNewton(xt, yt, pen);
                for (int i = 0; i < n; i++) if (fold[i] == ff) out[t][i] = dot(m, xk[i]);
            });
        }
        return out;
    }

    static double[][] knnOnly(int k, double tau) {
        sims();
        double[][] out = new double[nt][n];
        for (int f = 0; f < K; f++) {
            final int ff = f;
            boolean[] pool = new boolean[n];
            for (int i = 0; i < n; i++) pool[i] = fold[i] != ff;
            IntStream.range(0, n).parallel().forEach(i -> {
                if (fold[i] != ff) return;
                double[] kf = knn(i, pool, k, tau);
                for (int t = 0; t < nt; t++) out[t][i] = kf[t];
            });
        }
        return out;
    }

    // ---------- MLP: one hidden ReLU layer shared by the themes, sigmoid outputs, Adam ----------
    static double[][] mlpOof(double[][] x, int hidden, int epochs, double lr, double wd, int seeds) {
        double[][] out = new double[nt][n];
        for (int f = 0; f < K; f++) {
            final int ff = f;
            int[] tr = IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
            int[] te = IntStream.range(0, n).filter(i -> fold[i] == ff).toArray();
            double[][] acc = new double[te.length][nt];
            IntStream.range(0, seeds).parallel().forEach(s -> {
                double[][] p = mlp(x, tr, te, hidden, epochs, lr, wd, 17 + s);
                synchronized (acc) {
                    for (int j = 0; j < te.length; j++) for (int t = 0; t < nt; t++) acc[j][t] += p[j][t] / seeds;
                }
            });
            for (int j = 0; j < te.length; j++) for (int t = 0; t < nt; t++) out[t][te[j]] = acc[j][t];
        }
        return out;
    }

    static double[][] mlp(double[][] x, int[] tr, int[] te, int h, int epochs, double lr, double wd, long seed) {
        int d = x[0].length;
        double[] mean = new double[d], sd = new double[d];
        for (int i : tr) for (int j = 0; j < d; j++) mean[j] += x[i][j] / tr.length;
        for (int i : tr) for (int j = 0; j < d; j++) sd[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / tr.length;
        for (int j = 0; j < d; j++) sd[j] = Math.max(Math.sqrt(sd[j]), 1e-3);
        Random r = new Random(seed);
        double[][] W1 = new double[h][d];
        double[] b1 = new double[h];
        double[][] W2 = new double[nt][h];
        double[] b2 = new double[nt];
        double s1 = Math.sqrt(2.0 / d), s2 = Math.sqrt(1.0 / h);
        for (double[] w : W1) for (int j = 0; j < d; j++) w[j] = r.nextGaussian() * s1;
        for (double[] w : W2) for (int j = 0; j < h; j++) w[j] = r.nextGaussian() * s2;
        Adam a1 = new Adam(h * d), ab1 = new Adam(h), a2 = new Adam(nt * h), ab2 = new Adam(nt);
        int[] order = tr.clone();
        int batch = 32;
        double drop = 0.5;
        double[][] z = new double[batch][];
        for (int ep = 0; ep < epochs; ep++) {
            for (int i = order.length - 1; i > 0; i--) { int j = r.nextInt(i + 1); int tmp = order[i]; order[i] = order[j]; order[j] = tmp; }
            for (int b0 = 0; b0 < order.length; b0 += batch) {
                int bs = Math.min(batch, order.length - b0);
                double[][] gW1 = new double[h][d];
                double[] gb1 = new double[h];
                double[][] gW2 = new double[nt][h];
                double[] gb2 = new double[nt];
                for (int q = 0; q < bs; q++) {
                    int i = order[b0 + q];
                    double[] in = new double[d];
                    for (int j = 0; j < d; j++) in[j] = (x[i][j] - mean[j]) / sd[j];
                    double[] hid = new double[h];
                    boolean[] keep = new boolean[h];
                    for (int u = 0; u < h; u++) {
                        double v = b1[u];
                        double[] w = W1[u];
                        for (int j = 0; j < d; j++) v += w[j] * in[j];
                        keep[u] = r.nextDouble() >= drop;
                        hid[u] = v > 0 && keep[u] ? v / (1 - drop) : 0;
                    }
                    double[] dh = new double[h];
                    for (int t = 0; t < nt; t++) {
                        double v = b2[t];
                        for (int u = 0; u < h; u++) v += W2[t][u] * hid[u];
                        double g = LogisticRegression.sigmoid(v) - (Y[t][i] ? 1 : 0);
                        gb2[t] += g;
                        for (int u = 0; u < h; u++) { gW2[t][u] += g * hid[u]; dh[u] += g * W2[t][u]; }
                    }
                    for (int u = 0; u < h; u++) {
                        if (hid[u] <= 0) continue;
                        double g = dh[u] / (1 - drop);
                        gb1[u] += g;
                        double[] gw = gW1[u];
                        for (int j = 0; j < d; j++) gw[j] += g * in[j];
                    }
                }
                a1.step(W1, gW1, bs, lr, wd);
                ab1.step(b1, gb1, bs, lr, 0);
                a2.step(W2, gW2, bs, lr, wd);
                ab2.step(b2, gb2, bs, lr, 0);
            }
        }
        double[][] out = new double[te.length][nt];
        for (int q = 0; q < te.length; q++) {
            int i = te[q];
            double[] in = new double[d];
            for (int j = 0; j < d; j++) in[j] = (x[i][j] - mean[j]) / sd[j];
            double[] hid = new double[h];
            for (int u = 0; u < h; u++) {
                double v = b1[u];
                for (int j = 0; j < d; j++) v += W1[u][j] * in[j];
                hid[u] = Math.max(v, 0);
            }
            for (int t = 0; t < nt; t++) {
                double v = b2[t];
                for (int u = 0; u < h; u++) v += W2[t][u] * hid[u];
                out[q][t] = v;
            }
        }
        return out;
    }

    static final class Adam {
        final double[] m, v;
        int t;
        Adam(int size) { m = new double[size]; v = new double[size]; }
        void step(double[][] w, double[][] g, int bs, double lr, double wd) {
            t++;
            int k = 0;
            double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
            for (int a = 0; a < w.length; a++) for (int b = 0; b < w[a].length; b++, k++) {
                double gg = g[a][b] / bs;
                m[k] = 0.9 * m[k] + 0.1 * gg;
                v[k] = 0.999 * v[k] + 0.001 * gg * gg;
                w[a][b] -= lr * (m[k] / c1 / (Math.sqrt(v[k] / c2) + 1e-8) + wd * w[a][b]);
            }
        }
        void step(double[] w, double[] g, int bs, double lr, double wd) {
            step(new double[][] {w}, new double[][] {g}, bs, lr, wd);
        }
    }

    static void docRules(double[][] score) {
        int ndoc = doc[n - 1] + 1;
        for (String rule : new String[] {"max", "top2", "sum", "mean"}) {
            int tp = 0, fp = 0, fn = 0;
            for (int t = 0; t < nt; t++) {
                double[] ds = new double[ndoc];
                boolean[] dg = new boolean[ndoc];
                int[] dfold = new int[ndoc];
                List<List<Double>> ps = new ArrayList<>();
                for (int d = 0; d < ndoc; d++) ps.add(new ArrayList<>());
                for (int i = 0; i < n; i++) {
                    double p = score[t][i];
                    if (Math.abs(p) > 1 || true) p = LogisticRegression.sigmoid(p);
                    ps.get(doc[i]).add(p);
                    dg[doc[i]] |= Y[t][i];
                    dfold[doc[i]] = fold[i];
                }
                for (int d = 0; d < ndoc; d++) {
                    List<Double> l = ps.get(d);
                    l.sort(Comparator.reverseOrder());
                    ds[d] = switch (rule) {
                        case "max" -> l.get(0);
                        case "top2" -> l.size() > 1 ? (l.get(0) + l.get(1)) / 2 : l.get(0) / 2;
                        case "sum" -> l.stream().mapToDouble(Double::doubleValue).sum();
                        default -> l.stream().mapToDouble(Double::doubleValue).sum() / l.size();
                    };
                }
                for (int f = 0; f < K; f++) {
                    final int ff = f;
                    int[] o = IntStream.range(0, ndoc).filter(d -> dfold[d] != ff).toArray();
                    double[] p = Arrays.stream(o).mapToDouble(d -> ds[d]).toArray();
                    boolean[] y = new boolean[o.length];
                    for (int j = 0; j < o.length; j++) y[j] = dg[o[j]];
                    double th = Trainer.bestThreshold(p, y);
                    for (int d = 0; d < ndoc; d++) if (dfold[d] == f) {
                        boolean pr = ds[d] >= th;
                        if (pr && dg[d]) tp++; else if (pr) fp++; else if (dg[d]) fn++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "      doc rule %-5s F1 %.4f (P %.3f R %.3f)%n", rule, 2.0 * tp / (2 * tp + fp + fn), tp / (double) (tp + fp), tp / (double) (tp + fn));
        }
    }

    // ---------- scoring: nested per-theme thresholds, sentence and document micro-F1 ----------
    static void lexShape() {
        int P = X[0].length;
        for (int mode = 0; mode < 4; mode++) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < n; i++) {
                boolean shortS = X[i][P - 2] > 0, unterm = X[i][P - 1] > 0;
                boolean drop = switch (mode) { case 1 -> shortS; case 2 -> unterm; case 3 -> shortS && unterm; default -> false; };
                for (int t = 0; t < nt; t++) {
                    boolean p = LEXA.get(i)[t] && !drop;
                    if (p && Y[t][i]) tp++; else if (p) fp++; else if (Y[t][i]) fn++;
                }
            }
            System.out.printf(Locale.ROOT, "lexicon, drop mode %d: tp %d fp %d fn %d F1 %.4f%n", mode, tp, fp, fn, 2.0 * tp / (2 * tp + fp + fn));
        }
        int cs = 0, cu = 0, cb = 0, gs = 0, gu = 0, gb = 0;
        for (int i = 0; i < n; i++) {
            boolean shortS = X[i][P - 2] > 0, unterm = X[i][P - 1] > 0;
            boolean any = false; for (int t = 0; t < nt; t++) any |= Y[t][i];
            if (shortS) { cs++; if (any) gs++; }
            if (unterm) { cu++; if (any) gu++; }
            if (shortS && unterm) { cb++; if (any) gb++; }
        }
        System.out.printf("short %d (%d with gold themes), unterminated %d (%d), both %d (%d)%n", cs, gs, cu, gu, cb, gb);
    }

    /** Combination with the lexicon's own decisions: 0 learned alone, 1 learned or lexicon, 2 learned and lexicon. */
    static int COMBINE = Integer.getInteger("combine", 0);

    static void report(String name, double[][] score) {
        if (score == null) return;
        boolean[][] pred = new boolean[nt][n];
        for (int t = 0; t < nt; t++) {
            for (int f = 0; f < K; f++) {
                final int ff = f, tt = t;
                int[] o = IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
                double[] p = Arrays.stream(o).mapToDouble(i -> score[tt][i]).toArray();
                boolean[] y = new boolean[o.length];
                for (int j = 0; j < o.length; j++) y[j] = Y[t][o[j]];
                double th = Trainer.bestThreshold(p, y);
                for (int i = 0; i < n; i++) if (fold[i] == f) pred[t][i] = score[t][i] >= th;
            }
            if (COMBINE > 0 && !LEXA.isEmpty()) {
                for (int i = 0; i < n; i++) pred[t][i] = COMBINE == 1 ? pred[t][i] || LEXA.get(i)[t] : pred[t][i] && LEXA.get(i)[t];
            }
        }
        int tp = 0, fp = 0, fn = 0;
        int[] ttp = new int[nt], tfp = new int[nt], tfn = new int[nt];
        for (int t = 0; t < nt; t++) for (int i = 0; i < n; i++) {
            if (pred[t][i] && Y[t][i]) { tp++; ttp[t]++; } else if (pred[t][i]) { fp++; tfp[t]++; } else if (Y[t][i]) { fn++; tfn[t]++; }
        }
        int ndoc = doc[n - 1] + 1;
        int dtp = 0, dfp = 0, dfn = 0;
        for (int d = 0; d < ndoc; d++) for (int t = 0; t < nt; t++) {
            boolean g = false, p = false;
            for (int i = 0; i < n; i++) if (doc[i] == d) { g |= Y[t][i]; p |= pred[t][i]; }
            if (g && p) dtp++; else if (p) dfp++; else if (g) dfn++;
        }
        docRules(score);
        StringBuilder per = new StringBuilder();
        for (int t = 0; t < nt; t++) per.append(String.format(Locale.ROOT, " %.2f", 2.0 * ttp[t] / (2 * ttp[t] + tfp[t] + tfn[t])));
        System.out.printf(Locale.ROOT, "%-28s sent P %.3f R %.3f F1 %.4f | doc F1 %.4f |%s%n", name,
                tp / (double) (tp + fp), tp / (double) (tp + fn), 2.0 * tp / (2 * tp + fp + fn), 2.0 * dtp / (2 * dtp + dfp + dfn), per);
    }
}
