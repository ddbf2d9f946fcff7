package io.entente.semantic;

/** Small vector helpers. */
public final class Vectors {
    private Vectors() {
    }

    /** A unit-length copy (a zero vector stays zero). */
    public static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        float[] out = v.clone();
        if (s > 0) {
            double n = Math.sqrt(s);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] / n);
            }
        }
        return out;
    }

    /** Dot product; the cosine for unit vectors. */
    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
