package io.entente.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One input the engine can analyze, wherever it lies: a local file ({@link LocalSource}), an object
 * in a store, a record a Spark executor was handed. The engine names it by its path, reads it
 * through {@link #open()}, and trusts a hash it stored earlier when the {@link #stamp()} is unchanged
 * (as git's index does), so an unchanged rerun reads no content.
 */
public interface Source {

    /**
     * The path that names this input in reports, messages and the manifest, whose file name gives
     * the document's id and whose extension hints at the format (for an object in a store, the path
     * part of its address).
     */
    Path path();

    /** Size and modification time of the input and its sidecar, or {@link Stamp#UNKNOWN} when the store has none. */
    Stamp stamp();

    /** The content; each call opens it anew. */
    InputStream open() throws IOException;

    /** The sidecar metadata ({@code NAME.meta.json} beside the input), or null when there is none. */
    byte[] sidecar() throws IOException;

    /** What tells, without reading the content, that an input is as it was. */
    record Stamp(long size, long modified) {
        /** Nothing is known: the content is hashed on every run. */
        public static final Stamp UNKNOWN = new Stamp(-1, -1);

        public boolean known() {
            return size >= 0;
        }

        /** The stamp of an input (its size and modification time) with its sidecar's, when it has one. */
        public static Stamp of(long size, long modified, Stamp sidecar) {
            return sidecar == null ? new Stamp(size, modified)
                    : new Stamp(size * 31 + sidecar.size(), modified * 31 + sidecar.modified());
        }
    }
}
