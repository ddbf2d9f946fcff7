package io.entente.gold;

import java.io.IOException;
import java.nio.file.Path;

/** A gold file (or the text beside it) that cannot be read or does not follow the format: names the file and the cause. */
public final class GoldFileException extends IOException {
    private final Path file;

    public GoldFileException(Path file, String cause) {
        super(file + ": " + cause);
        this.file = file;
    }

    public GoldFileException(Path file, String cause, Throwable e) {
        super(file + ": " + cause, e);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
