package io.entente.themes;

/** A codebook that cannot be used; the message names the file, the entry and the problem. */
public class CodebookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodebookException(String file, String entry, String problem) {
        super("codebook " + file + ": " + entry + ": " + problem);
    }
}
