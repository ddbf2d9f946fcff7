package io.entente.interop;

import io.entente.core.Resources;
import io.entente.core.registry.NamedComponent;
import io.entente.themes.Codebook;
import java.util.List;

/**
 * A file format for codebooks or dictionaries of other tools, read into and written from the one typed
 * codebook model ({@link Codebook}). Found by name in {@link CodebookFormats#registry()}; further
 * formats can be registered through {@code META-INF/services/io.entente.interop.CodebookFormat}.
 * Implementations are stateless and thread-safe.
 */
public interface CodebookFormat extends NamedComponent {

    /** File name endings this format uses, without the dot ({@code yml}, {@code cat}). */
    List<String> extensions();

    /**
     * How sure the content is of this format: 0 it is not, 1 it may be (only the file name or a weak
     * sign says so), 2 the content says so.
     */
    int detect(String fileName, byte[] content);

    /**
     * The codebook the file holds, and every note on what could not be carried over or was decided by
     * default. Themes without a polarity in the file take {@code polarities}' or, failing that, driver
     * (with a note).
     *
     * @throws InteropException naming the file, the line or element, and the problem
     */
    Imported read(Resources.Loaded file, PolarityMap polarities);

    /** Whether {@link #write} is supported; a read-only format says so here. */
    default boolean canWrite() {
        return true;
    }

    /**
     * The codebook in this format, with notes on what the format cannot hold.
     *
     * @throws UnsupportedOperationException when {@link #canWrite()} is false
     */
    Exported write(Codebook codebook);

    /** An imported codebook (before the final check by {@link CodebookFormats#importFile}) with its notes. */
    record Imported(Codebook codebook, List<String> notes) {
        public Imported {
            notes = List.copyOf(notes);
        }
    }

    /** An exported file's text with notes on what was lost. */
    record Exported(String text, List<String> notes) {
        public Exported {
            notes = List.copyOf(notes);
        }
    }
}
