package io.entente.input;

import java.util.List;

/**
 * What a {@link FormatReader} gets out of a file.
 *
 * @param text       the text as the later stages will see it; all offsets index this string
 * @param pageStarts for paged formats, the offset of each page's first character, ascending; else empty
 * @param metadata   the file's own metadata, {@link FileMetadata#NONE} when it has none
 * @param warnings   problems that did not stop the read (e.g. invalid UTF-8 replaced)
 * @param encoding   the character encoding the bytes were decoded with, or {@code null} (PDF, DOCX)
 */
public record ExtractedText(String text, List<Integer> pageStarts, FileMetadata metadata, List<String> warnings,
                            String encoding) {
    public ExtractedText(String text, List<Integer> pageStarts, FileMetadata metadata, List<String> warnings) {
        this(text, pageStarts, metadata, warnings, null);
    }

    public ExtractedText {
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        metadata = metadata == null ? FileMetadata.NONE : metadata;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
