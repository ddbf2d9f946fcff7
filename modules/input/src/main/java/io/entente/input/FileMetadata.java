package io.entente.input;

import java.util.List;

/**
 * What a file says about itself in its own metadata (PDF info dictionary and XMP, DOCX core
 * properties, HTML meta tags), as opposed to what is sniffed from the text.
 *
 * @param title   the title, or {@code null}
 * @param authors the authors, possibly empty
 * @param date    an ISO date {@code YYYY[-MM[-DD]]}, or {@code null}
 */
public record FileMetadata(String title, List<String> authors, String date) {
    public static final FileMetadata NONE = new FileMetadata(null, List.of(), null);

    public FileMetadata {
        title = blankToNull(title);
        authors = authors == null ? List.of()
                : authors.stream().map(FileMetadata::blankToNull).filter(a -> a != null).distinct().toList();
        date = blankToNull(date);
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }
}
