package io.entente.core;

/** A codebook, gazetteer or other knowledge file that cannot be used, with where and why. */
public class KnowledgeFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KnowledgeFileException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    public KnowledgeFileException(String file, String entry, String problem) {
        super(file + ": " + entry + ": " + problem);
    }
}
