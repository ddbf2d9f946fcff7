package io.entente.core;

/**
 * What is known about a document besides its text.
 *
 * @param id     the report name: the file name without extension, made safe as a file name
 * @param source where the text came from (the input path as given)
 * @param title  the title, or {@code null} when unknown
 * @param date   the publication date as ISO {@code YYYY[-MM[-DD]]}, or {@code null} when unknown
 * @param sha256 hex SHA-256 of the decoded text
 */
public record DocumentInfo(String id, String source, String title, String date, String sha256) {
}
