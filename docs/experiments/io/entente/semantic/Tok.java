package io.entente.semantic;
public final class Tok {
    public static float[] states(SentenceEncoder e, String text) { return e.tokenStates(text); }
}
