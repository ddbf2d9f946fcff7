package io.entente.input;

import java.util.Locale;

/** The input formats Entente reads. Detected from a file's content, the extension only breaking ties. */
public enum Format {
    TEXT, MARKDOWN, PDF, DOCX, HTML;

    /** The lower-case name stored in {@code DocumentInfo.format} ({@code text}, {@code pdf}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file extension (without the dot, any case) claims, or {@code null} when it claims none. */
    static Format ofExtension(String extension) {
        if (extension == null) {
            return null;
        }
        switch (extension.toLowerCase(Locale.ROOT)) {
            case "txt":
            case "text":
                return TEXT;
            case "md":
            case "markdown":
                return MARKDOWN;
            case "pdf":
                return PDF;
            case "docx":
                return DOCX;
            case "html":
            case "htm":
                return HTML;
            default:
                return null;
        }
    }
}
