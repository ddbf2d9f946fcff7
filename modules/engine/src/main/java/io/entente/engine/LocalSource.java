package io.entente.engine;

import io.entente.pipeline.MetadataSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on the local file system, with its sidecar {@code NAME.meta.json} beside it. */
public record LocalSource(Path path) implements Source {

    @Override
    public Stamp stamp() {
        try {
            Path side = MetadataSources.sidecarOf(path);
            return Stamp.of(Files.size(path), Files.getLastModifiedTime(path).toMillis(), Files.isRegularFile(side)
                    ? new Stamp(Files.size(side), Files.getLastModifiedTime(side).toMillis()) : null);
        } catch (IOException e) {
            return Stamp.UNKNOWN; // the read will report it
        }
    }

    @Override
    public InputStream open() throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // Opening a named pipe blocks until a writer comes (the hash would hang the run); the reader names the cause.
            throw new IOException(path + ": not a regular file");
        }
        return Files.newInputStream(path);
    }

    @Override
    public byte[] sidecar() throws IOException {
        Path side = MetadataSources.sidecarOf(path);
        return Files.isRegularFile(side) ? Files.readAllBytes(side) : null;
    }
}
