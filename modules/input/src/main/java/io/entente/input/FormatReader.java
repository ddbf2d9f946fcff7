package io.entente.input;

import java.nio.file.Path;

/**
 * Gets the text out of one format. Implementations are stateless and thread-safe; they refuse what
 * they cannot read with a {@link DocumentReadException} naming the cause, and never let another
 * exception escape for bad input.
 */
public interface FormatReader {
    /**
     * @param path  the file, for messages (and for readers that open the file lazily)
     * @param bytes the whole file, already within the size limit
     */
    ExtractedText read(Path path, byte[] bytes) throws DocumentReadException;
}
