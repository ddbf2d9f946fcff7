package io.entente.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is known about a document besides its text.
 *
 * @param id        the report name: the file name without extension, made safe as a file name
 * @param source    where the text came from (the input path as given)
 * @param title     the title, or {@code null} when unknown
 * @param date      the publication date as ISO {@code YYYY[-MM[-DD]]}, or {@code null} when unknown
 * @param sha256    hex SHA-256 of the decoded text
 * @param authors   authors, possibly empty
 * @param publisher where the text was published (journal, site, institution), or {@code null}
 * @param tags      free tags given by the user, possibly empty
 * @param format    the detected input format ({@code text}, {@code markdown}, {@code pdf}, {@code docx}, {@code html})
 * @param language  the detected ISO 639-3 language code, or {@code null} when not detected
 * @param origins   for each metadata field set, where it came from ({@code sidecar}, {@code front-matter},
 *                  {@code metadata-csv}, {@code file-name}, {@code file}, {@code text})
 * @param encoding  the character encoding a plain-text or HTML file was decoded with ({@code UTF-8},
 *                  {@code windows-1252}, ...), or {@code null} for formats that carry their own (PDF, DOCX)
 */
public record DocumentInfo(String id, String source, String title, String date, String sha256, List<String> authors,
                           String publisher, List<String> tags, String format, String language,
                           Map<String, String> origins, String encoding) {

    public DocumentInfo {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        origins = origins == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(origins)); // sorted: stable reports
    }

    /** Without an encoding (formats that carry their own, or documents made in code). */
    public DocumentInfo(String id, String source, String title, String date, String sha256, List<String> authors,
                        String publisher, List<String> tags, String format, String language, Map<String, String> origins) {
        this(id, source, title, date, sha256, authors, publisher, tags, format, language, origins, null);
    }

    /** A plain-text document with only the basic fields. */
    public DocumentInfo(String id, String source, String title, String date, String sha256) {
        this(id, source, title, date, sha256, List.of(), null, List.of(), "text", null, Map.of());
    }

    public DocumentInfo withMetadata(String newTitle, String newDate, List<String> newAuthors, String newPublisher,
                                     List<String> newTags, Map<String, String> newOrigins) {
        return new DocumentInfo(id, source, newTitle, newDate, sha256, newAuthors, newPublisher, newTags, format,
                language, newOrigins, encoding);
    }

    public DocumentInfo withFormat(String newFormat, String newLanguage) {
        return new DocumentInfo(id, source, title, date, sha256, authors, publisher, tags, newFormat, newLanguage, origins,
                encoding);
    }
}
