package io.entente.input;

import java.nio.file.Path;

/** A file that cannot become a document; the message names the file and the cause. */
public class DocumentReadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public DocumentReadException(Path path, String cause) {
        super(path + ": " + cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
