package io.entente.spark;

import io.entente.engine.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileStatus;

/**
 * An input on any Hadoop-compatible file system (local files, HDFS, S3 with its connector). A local
 * file is named by its plain path, so its reports are those the local engine writes for it.
 */
record HadoopSource(String uri, Stamp stamp) implements Source {

    /** The path that names the input: the plain path of a local file, else the whole address. */
    static Path pathOf(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() == null || u.getScheme().equals("file") ? Path.of(u.getPath()) : Path.of(uri);
    }

    /** The sidecar's address ({@code NAME.meta.json} beside {@code NAME.ext}). */
    static org.apache.hadoop.fs.Path sidecarOf(org.apache.hadoop.fs.Path input) {
        String name = input.getName();
        int dot = name.lastIndexOf('.');
        return new org.apache.hadoop.fs.Path(input.getParent(), (dot > 0 ? name.substring(0, dot) : name) + ".meta.json");
    }

    /** The stamp of an input and its sidecar, as {@link io.entente.engine.LocalSource} computes it for local files. */
    static Stamp stampOf(FileSystem fs, FileStatus status) throws IOException {
        org.apache.hadoop.fs.Path side = sidecarOf(status.getPath());
        FileStatus s = fs.exists(side) ? fs.getFileStatus(side) : null;
        return Stamp.of(status.getLen(), status.getModificationTime(),
                s == null ? null : new Stamp(s.getLen(), s.getModificationTime()));
    }

    /** Writes a text file (UTF-8) on any Hadoop file system, replacing what is there. */
    static void write(FileSystem fs, org.apache.hadoop.fs.Path file, String text) throws IOException {
        try (java.io.OutputStream o = fs.create(file, true)) {
            o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private FileSystem fs() throws IOException {
        return FileSystem.get(URI.create(uri), new Configuration());
    }

    @Override
    public Path path() {
        return pathOf(uri);
    }

    @Override
    public InputStream open() throws IOException {
        return fs().open(new org.apache.hadoop.fs.Path(URI.create(uri)));
    }

    @Override
    public byte[] sidecar() throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path side = sidecarOf(new org.apache.hadoop.fs.Path(URI.create(uri)));
        if (!fs.exists(side)) {
            return null;
        }
        try (InputStream in = fs.open(side)) {
            return in.readAllBytes();
        }
    }
}
