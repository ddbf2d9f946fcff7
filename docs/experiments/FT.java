import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.*;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.*;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.GradientCollector;
import java.io.*;
import java.nio.*;
import java.util.*;
import java.util.stream.*;

/**
 * Research harness (docs/experiments/run.sh ft LAYERS EPOCHS ENCODER_LR HEAD_LR [HEAD_DECAY | check]):
 * fine-tuning the top layers of all-MiniLM-L6-v2, rebuilt in DJL's PyTorch engine from the weights of the
 * langchain4j fp32 ONNX file, by 5-fold CV by document on train. {@code check} compares its vectors with
 * ONNX Runtime's.
 */
public class FT {
    // ---------- minimal ONNX protobuf reading ----------
    static final class PB {
        final byte[] b; int i; final int end;
        PB(byte[] b, int start, int end) { this.b = b; this.i = start; this.end = end; }
        boolean more() { return i < end; }
        long varint() { long r = 0; int s = 0; while (true) { int c = b[i++] & 0xff; r |= (long) (c & 0x7f) << s; s += 7; if (c < 0x80) return r; } }
        int[] field() { long k = varint(); return new int[] {(int) (k >>> 3), (int) (k & 7)}; }
        void skip(int wt) { switch (wt) { case 0 -> varint(); case 1 -> i += 8; case 5 -> i += 4; case 2 -> { int l = (int) varint(); i += l; } default -> throw new IllegalStateException("wire type " + wt); } }
        PB sub() { int l = (int) varint(); PB p = new PB(b, i, i + l); i += l; return p; }
        String str() { int l = (int) varint(); String s = new String(b, i, l, java.nio.charset.StandardCharsets.UTF_8); i += l; return s; }
    }

    static Map<String, float[]> INIT = new HashMap<>();
    static Map<String, long[]> DIMS = new HashMap<>();
    static Map<String, String> WEIGHT_NAME = new HashMap<>(); // anonymous matmul initializer -> layer weight name

    static void readOnnx(byte[] bytes) {
        PB m = new PB(bytes, 0, bytes.length);
        while (m.more()) {
            int[] f = m.field();
            if (f[0] == 7 && f[1] == 2) {
                PB g = m.sub();
                List<String[]> nodes = new ArrayList<>(); // op, in0, in1, out0
                while (g.more()) {
                    int[] gf = g.field();
                    if (gf[0] == 5 && gf[1] == 2) {
                        PB t = g.sub();
                        String name = null; List<Long> dims = new ArrayList<>(); int type = 0; byte[] raw = null;
                        while (t.more()) {
                            int[] tf = t.field();
                            if (tf[0] == 1 && tf[1] == 0) dims.add(t.varint());
                            else if (tf[0] == 1 && tf[1] == 2) { PB p = t.sub(); while (p.more()) dims.add(p.varint()); }
                            else if (tf[0] == 2 && tf[1] == 0) type = (int) t.varint();
                            else if (tf[0] == 8 && tf[1] == 2) name = t.str();
                            else if (tf[0] == 9 && tf[1] == 2) { int l = (int) t.varint(); raw = Arrays.copyOfRange(t.b, t.i, t.i + l); t.i += l; }
                            else t.skip(tf[1]);
                        }
                        if (type == 1 && raw != null) {
                            FloatBuffer fb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                            float[] v = new float[fb.remaining()]; fb.get(v);
                            INIT.put(name, v);
                            DIMS.put(name, dims.stream().mapToLong(Long::longValue).toArray());
                        }
                    } else if (gf[0] == 1 && gf[1] == 2) {
                        PB nd = g.sub();
                        List<String> in = new ArrayList<>(), out = new ArrayList<>(); String op = "";
                        while (nd.more()) {
                            int[] nf = nd.field();
                            if (nf[0] == 1 && nf[1] == 2) in.add(nd.str());
                            else if (nf[0] == 2 && nf[1] == 2) out.add(nd.str());
                            else if (nf[0] == 4 && nf[1] == 2) op = nd.str();
                            else nd.skip(nf[1]);
                        }
                        nodes.add(new String[] {op, in.size() > 0 ? in.get(0) : "", in.size() > 1 ? in.get(1) : "", out.size() > 0 ? out.get(0) : ""});
                    } else g.skip(gf[1]);
                }
                // MatMul(x, W) -> Add(., bias) with a named bias: W is bias's weight (ONNX layout [in, out])
                Map<String, String[]> byInput = new HashMap<>();
                for (String[] nd : nodes) if (nd[0].equals("Add")) { byInput.put(nd[1], nd); byInput.put(nd[2], nd); }
                for (String[] nd : nodes) {
                    if (nd[0].equals("MatMul") && INIT.containsKey(nd[2])) {
                        String[] add = byInput.get(nd[3]);
                        String bias = add[1].equals(nd[3]) ? add[2] : add[1];
                        if (!bias.endsWith(".bias")) throw new IllegalStateException("unexpected " + bias);
                        WEIGHT_NAME.put(bias.replace(".bias", ".weight"), nd[2]);
                    }
                }
            } else m.skip(f[1]);
        }
    }

    static float[] w(String name) {
        float[] v = INIT.get(name);
        if (v == null) v = INIT.get(WEIGHT_NAME.get(name));
        if (v == null) throw new IllegalStateException("no weight " + name);
        return v;
    }

    static long[] dims(String name) {
        long[] d = DIMS.get(name);
        return d != null ? d : DIMS.get(WEIGHT_NAME.get(name));
    }

    // ---------- the model ----------
    static final int H = 384, HEADS = 12, DH = 32, LAYERS = 6;
    static NDManager M;
    static Map<String, NDArray> P = new LinkedHashMap<>();

    static NDArray param(String name) {
        return P.computeIfAbsent(name, k -> M.create(w(k), new Shape(dims(k))));
    }

    static NDArray ln(NDArray x, String pre) {
        return LayerNorm.layerNorm(x, new Shape(H), param(pre + ".weight"), param(pre + ".bias"), 1e-12f).singletonOrThrow();
    }

    static NDArray lin(NDArray x, String pre) {
        return x.matMul(param(pre + ".weight")).add(param(pre + ".bias"));
    }

    static NDArray embed(NDArray ids) {
        long L = ids.getShape().get(1);
        NDArray we = param("embeddings.word_embeddings.weight").get(ids.flatten()).reshape(ids.getShape().get(0), L, H);
        NDArray pe = param("embeddings.position_embeddings.weight").get(new NDIndex("0:" + L));
        NDArray te = param("embeddings.token_type_embeddings.weight").get(new NDIndex("0"));
        return ln(we.add(pe).add(te), "embeddings.LayerNorm");
    }

    /** maskAdd: [B,1,1,L] 0 or -1e4 */
    static NDArray layer(NDArray x, NDArray maskAdd, int l) {
        String p = "encoder.layer." + l + ".";
        long B = x.getShape().get(0), L = x.getShape().get(1);
        NDArray q = lin(x, p + "attention.self.query").reshape(B, L, HEADS, DH).transpose(0, 2, 1, 3);
        NDArray k = lin(x, p + "attention.self.key").reshape(B, L, HEADS, DH).transpose(0, 2, 3, 1);
        NDArray v = lin(x, p + "attention.self.value").reshape(B, L, HEADS, DH).transpose(0, 2, 1, 3);
        NDArray s = q.matMul(k).div((float) Math.sqrt(DH)).add(maskAdd).softmax(-1);
        NDArray c = s.matMul(v).transpose(0, 2, 1, 3).reshape(B, L, H);
        NDArray a = ln(lin(c, p + "attention.output.dense").add(x), p + "attention.output.LayerNorm");
        NDArray ff = lin(Activation.gelu(lin(a, p + "intermediate.dense")), p + "output.dense");
        return ln(ff.add(a), p + "output.LayerNorm");
    }

    public static void main(String[] args) throws Exception {
        int trainTop = Integer.parseInt(args[0]);   // layers fine-tuned
        int epochs = Integer.parseInt(args[1]);
        float lrEnc = Float.parseFloat(args[2]);
        float lrHead = Float.parseFloat(args[3]);
        boolean check = args.length > 4 && args[4].equals("check");
        float headDecay = args.length > 4 && !check ? Float.parseFloat(args[4]) : 0f; // decoupled weight decay of the head
        Engine.getInstance().setRandomSeed(1);
        M = NDManager.newBaseManager();
        try (InputStream in = FT.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            readOnnx(in.readAllBytes());
        }
        System.out.println("initializers " + INIT.size() + " matmul weights " + WEIGHT_NAME.size());
        HuggingFaceTokenizer tok;
        try (InputStream in = FT.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            tok = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true", "maxLength", "128"));
        }
        Exp.load("all-minilm-l6-v2");
        int n = Exp.n;
        long[][] ids = new long[n][];
        for (int i = 0; i < n; i++) ids[i] = tok.encode(Exp.TEXT.get(i).isBlank() ? "." : Exp.TEXT.get(i), true, false).getIds();
        if (check) {
            // mean-pooled normalized vs the ONNX encoder's vector
            for (int i = 0; i < 3; i++) {
                try (NDManager sm = M.newSubManager()) {
                    NDArray x = embed(sm.create(ids[i], new Shape(1, ids[i].length)));
                    NDArray mask = sm.zeros(new Shape(1, 1, 1, ids[i].length));
                    for (int l = 0; l < LAYERS; l++) x = layer(x, mask, l);
                    NDArray v = x.mean(new int[] {1}).squeeze(0);
                    v = v.div(v.norm());
                    float[] mine = v.toFloatArray();
                    double d = 0;
                    for (int j = 0; j < H; j++) d = Math.max(d, Math.abs(mine[j] - Exp.E[i][j]));
                    System.out.println("max abs diff " + d);
                }
            }
            return;
        }
        int frozen = LAYERS - trainTop;
        // frozen part once per sentence: states after layer frozen-1 (unpadded)
        float[][] base = new float[n][];
        long t0 = System.nanoTime();
        java.nio.file.Path cacheFile = java.nio.file.Path.of("/tmp/exp/ft-base-" + frozen + ".bin");
        if (java.nio.file.Files.exists(cacheFile)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(java.nio.file.Files.newInputStream(cacheFile)))) {
                for (int i = 0; i < n; i++) { base[i] = new float[in.readInt()]; for (int j = 0; j < base[i].length; j++) base[i][j] = in.readFloat(); }
            }
        } else {
            Integer[] byLen = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt(i -> ids[i].length)).toArray(Integer[]::new);
            for (int b0 = 0; b0 < n; b0 += 32) {
                int B = Math.min(32, n - b0);
                int L = ids[byLen[b0 + B - 1]].length;
                long[] ib = new long[B * L];
                float[] ma = new float[B * L];
                for (int q = 0; q < B; q++) {
                    long[] v = ids[byLen[b0 + q]];
                    for (int j = 0; j < L; j++) { ib[q * L + j] = j < v.length ? v[j] : 0; ma[q * L + j] = j < v.length ? 0 : -10000f; }
                }
                try (NDManager sm = M.newSubManager()) {
                    NDArray x = embed(sm.create(ib, new Shape(B, L)));
                    NDArray mask = sm.create(ma, new Shape(B, 1, 1, L));
                    for (int l = 0; l < frozen; l++) x = layer(x, mask, l);
                    float[] all = x.toFloatArray();
                    for (int q = 0; q < B; q++) {
                        int len = ids[byLen[b0 + q]].length;
                        base[byLen[b0 + q]] = Arrays.copyOfRange(all, q * L * H, q * L * H + len * H);
                    }
                }
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(java.nio.file.Files.newOutputStream(cacheFile)))) {
                for (int i = 0; i < n; i++) { out.writeInt(base[i].length); for (float v : base[i]) out.writeFloat(v); }
            }
        }
        System.out.printf("frozen states %.0f s%n", (System.nanoTime() - t0) / 1e9);
        int nt = Exp.nt;
        int D = Exp.D;
        int Pn = Exp.X[0].length - D;
        double[][] out = new double[nt][n];
        for (int f = 0; f < Exp.K; f++) {
            final int ff = f;
            int[] tr = IntStream.range(0, n).filter(i -> Exp.fold[i] != ff).toArray();
            int[] te = IntStream.range(0, n).filter(i -> Exp.fold[i] == ff).toArray();
            double[] mean = new double[Pn], sd = new double[Pn];
            for (int i : tr) for (int j = 0; j < Pn; j++) mean[j] += Exp.X[i][D + j] / tr.length;
            for (int i : tr) for (int j = 0; j < Pn; j++) sd[j] += Math.pow(Exp.X[i][D + j] - mean[j], 2) / tr.length;
            for (int j = 0; j < Pn; j++) sd[j] = Math.max(Math.sqrt(sd[j]), 1e-3);
            float[][] xo = new float[n][Pn];
            for (int i = 0; i < n; i++) for (int j = 0; j < Pn; j++) xo[i][j] = (float) ((Exp.X[i][D + j] - mean[j]) / sd[j]);
            // fresh trainable copies of the top layers and a head
            try (NDManager fm = M.newSubManager()) {
                Map<String, NDArray> orig = new HashMap<>();
                List<NDArray> encParams = new ArrayList<>();
                for (int l = frozen; l < LAYERS; l++) {
                    for (String s : new String[] {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"}) {
                        for (String e : new String[] {".weight", ".bias"}) encParams.add(trainable(fm, orig, "encoder.layer." + l + "." + s + e));
                    }
                    for (String s : new String[] {"attention.output.LayerNorm", "output.LayerNorm"}) {
                        for (String e : new String[] {".weight", ".bias"}) encParams.add(trainable(fm, orig, "encoder.layer." + l + "." + s + e));
                    }
                }
                Random r = new Random(11);
                float[] w0 = new float[(H + Pn) * nt];
                for (int j = 0; j < w0.length; j++) w0[j] = (float) (r.nextGaussian() * 0.02);
                NDArray Wh = fm.create(w0, new Shape(H + Pn, nt));
                NDArray bh = fm.zeros(new Shape(nt));
                Wh.setRequiresGradient(true);
                bh.setRequiresGradient(true);
                List<NDArray> headParams = List.of(Wh, bh);
                Map<NDArray, NDArray[]> adam = new IdentityHashMap<>();
                int step = 0;
                int batch = 16;
                float[] yAll = new float[n * nt];
                for (int i = 0; i < n; i++) for (int t = 0; t < nt; t++) yAll[i * nt + t] = Exp.Y[t][i] ? 1 : 0;
                int[] order = tr.clone();
                Random sh = new Random(5 + f);
                for (int ep = 0; ep < epochs; ep++) {
                    for (int i = order.length - 1; i > 0; i--) { int j = sh.nextInt(i + 1); int tmp = order[i]; order[i] = order[j]; order[j] = tmp; }
                    double lossSum = 0;
                    for (int b0 = 0; b0 < order.length; b0 += batch) {
                        int[] idx = Arrays.copyOfRange(order, b0, Math.min(order.length, b0 + batch));
                        try (NDManager sm = fm.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = forward(sm, idx, base, ids, xo, frozen, Wh, bh, Pn);
                            float[] yb = new float[idx.length * nt];
                            for (int q = 0; q < idx.length; q++) System.arraycopy(yAll, idx[q] * nt, yb, q * nt, nt);
                            NDArray y = sm.create(yb, new Shape(idx.length, nt));
                            // BCE with logits
                            NDArray loss = logits.maximum(0).sub(logits.mul(y)).add(logits.abs().neg().exp().add(1).log()).mean();
                            gc.backward(loss);
                            lossSum += loss.getFloat() * idx.length;
                        }
                        step++;
                        for (NDArray p : encParams) adam.computeIfAbsent(p, k -> new NDArray[] {k.zerosLike(), k.zerosLike()});
                        for (NDArray p : headParams) adam.computeIfAbsent(p, k -> new NDArray[] {k.zerosLike(), k.zerosLike()});
                        try (NDScope scope = new NDScope()) {
                            for (NDArray p : encParams) adamStep(adam, p, lrEnc, step, 0.01f);
                            for (NDArray p : headParams) adamStep(adam, p, lrHead, step, headDecay);
                        }
                    }
                    System.out.printf(Locale.ROOT, "fold %d epoch %d loss %.4f (%.0f s)%n", f, ep, lossSum / order.length, (System.nanoTime() - t0) / 1e9);
                }
                try (GradientCollectorOff off = new GradientCollectorOff()) {
                    for (int b0 = 0; b0 < te.length; b0 += 32) {
                        int[] idx = Arrays.copyOfRange(te, b0, Math.min(te.length, b0 + 32));
                        try (NDManager sm = fm.newSubManager()) {
                            float[] lg = forward(sm, idx, base, ids, xo, frozen, Wh, bh, Pn).toFloatArray();
                            for (int q = 0; q < idx.length; q++) for (int t = 0; t < nt; t++) out[t][idx[q]] = lg[q * nt + t];
                        }
                    }
                }
                // restore the pretrained weights for the next fold
                for (var e : orig.entrySet()) P.put(e.getKey(), e.getValue());
            }
        }
        Exp.report("ft top" + trainTop + " ep" + epochs + " lr" + lrEnc + "/" + lrHead + " head decay " + headDecay, out);
    }

    static NDArray trainable(NDManager fm, Map<String, NDArray> orig, String name) {
        NDArray o = param(name);
        orig.put(name, o);
        NDArray c = o.duplicate();
        c.attach(fm);
        c.setRequiresGradient(true);
        P.put(name, c);
        return c;
    }

    static NDArray forward(NDManager sm, int[] idx, float[][] base, long[][] ids, float[][] xo, int frozen, NDArray Wh, NDArray bh, int Pn) {
        int L = 0;
        for (int i : idx) L = Math.max(L, ids[i].length);
        int B = idx.length;
        float[] xb = new float[B * L * H];
        float[] mk = new float[B * L];
        float[] ma = new float[B * L];
        float[] xf = new float[B * Pn];
        for (int q = 0; q < B; q++) {
            int len = ids[idx[q]].length;
            System.arraycopy(base[idx[q]], 0, xb, q * L * H, len * H);
            for (int j = 0; j < L; j++) { mk[q * L + j] = j < len ? 1 : 0; ma[q * L + j] = j < len ? 0 : -10000f; }
            System.arraycopy(xo[idx[q]], 0, xf, q * Pn, Pn);
        }
        NDArray x = sm.create(xb, new Shape(B, L, H));
        NDArray maskAdd = sm.create(ma, new Shape(B, 1, 1, L));
        for (int l = frozen; l < LAYERS; l++) x = layer(x, maskAdd, l);
        NDArray m = sm.create(mk, new Shape(B, L, 1));
        NDArray pooled = x.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
        pooled = pooled.div(pooled.norm(new int[] {1}, true)).mul(10f);
        NDArray feats = pooled.concat(sm.create(xf, new Shape(B, Pn)), 1);
        return feats.matMul(Wh).add(bh);
    }

    static void adamStep(Map<NDArray, NDArray[]> st, NDArray p, float lr, int t, float wd) {
        NDArray g = p.getGradient();
        NDArray[] s = st.computeIfAbsent(p, k -> new NDArray[] {k.zerosLike(), k.zerosLike()});
        try (GradientCollectorOff off = new GradientCollectorOff()) {
            s[0].muli(0.9f).addi(g.mul(0.1f));
            s[1].muli(0.999f).addi(g.mul(g).mul(0.001f));
            float c1 = (float) (1 - Math.pow(0.9, t)), c2 = (float) (1 - Math.pow(0.999, t));
            NDArray upd = s[0].div(c1).div(s[1].div(c2).sqrt().add(1e-8f)).mul(lr);
            if (wd > 0) upd = upd.add(p.mul(lr * wd));
            p.subi(upd);
            g.subi(g);
        }
    }

    /** Nothing: DJL records no graph outside a GradientCollector. */
    static final class GradientCollectorOff implements AutoCloseable {
        public void close() { }
    }
}
