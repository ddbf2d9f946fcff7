package io.entente.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows one document report contributes to the store's tables. {@link #of} reads a parsed
 * report and checks what the store needs: the fields the report schema requires, with their
 * types. Value patterns (hex digests, country codes) are not checked; a date that is not ISO
 * {@code YYYY[-MM[-DD]]} keeps its text in {@code date_text} with a null {@code date} and {@code year}.
 */
record ReportRows(DocumentRow document, List<SentenceRow> sentences, List<EntityRow> entities,
                  List<MentionRow> mentions, List<ThemeRow> themes, List<EvidenceRow> evidence,
                  List<SentenceThemeRow> sentenceThemes) {

    /** Lists in the store are joined with this separator (authors, tags). */
    static final String LIST_SEPARATOR = "; ";
    /** Country codes (theme and evidence actors) are joined with this separator. */
    static final String CODE_SEPARATOR = ",";

    private static final Pattern DATE = Pattern.compile("^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$");

    record DocumentRow(String documentId, String source, String title, LocalDate date, Integer year, String dateText,
                       String authors, String publisher, String tags, String format, String language, Integer pages,
                       String sha256, int characters, int tokens, int sentences, String pipelineVersion,
                       String codebookId, String codebookSha256, String reportFile, String reportSha256) {
    }

    record SentenceRow(int sentenceIndex, int startOffset, int endOffset, String text, Integer page) {
    }

    record EntityRow(int entityId, String type, String canonical, String code, String kind, String sovereign,
                     int mentionCount) {
    }

    record MentionRow(int entityId, int mentionIndex, int startOffset, int endOffset, String text, int sentenceIndex) {
    }

    record ThemeRow(String themeId, String polarity, String name, double score, int sentenceCount,
                    Double sentenceShare, String actors) {
    }

    record EvidenceRow(String themeId, int evidenceIndex, int sentenceIndex, int startOffset, int endOffset,
                       String text, double score, Integer page, String actors) {
    }

    record SentenceThemeRow(int sentenceIndex, String themeId) {
    }

    String documentId() {
        return document.documentId();
    }

    /** Thrown for a report that does not hold what the store needs; the caller adds the file name. */
    static final class InvalidReportException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidReportException(String message) {
            super(message);
        }
    }

    /**
     * Reads a parsed report (schema version 1).
     *
     * @param reportFile   the report's file name, kept for provenance
     * @param reportSha256 hex SHA-256 of the report file's bytes: what tells a changed report
     */
    static ReportRows of(JsonNode root, String reportFile, String reportSha256) throws InvalidReportException {
        JsonNode d = object(root, "document", "/document");
        String id = text(d, "id", "/document/id");
        if (id.isEmpty()) {
            throw new InvalidReportException("/document/id is empty");
        }
        JsonNode p = object(root, "pipeline", "/pipeline");
        JsonNode cb = object(p, "codebook", "/pipeline/codebook");
        JsonNode sentencesNode = array(root, "sentences", "/sentences");
        int sentenceCount = sentencesNode.size();

        // Pages the report gives: on sentences (when a report has them) or on evidence (PDF input).
        Map<Integer, Integer> evidencePages = new HashMap<>();
        JsonNode themesNode = array(root, "themes", "/themes");
        for (int t = 0; t < themesNode.size(); t++) {
            JsonNode ev = themesNode.get(t).path("evidence");
            for (int e = 0; e < ev.size(); e++) {
                JsonNode page = ev.get(e).get("page");
                JsonNode sentence = ev.get(e).get("sentence");
                if (page != null && page.canConvertToInt() && page.isIntegralNumber()
                        && sentence != null && sentence.isIntegralNumber()) {
                    evidencePages.putIfAbsent(sentence.intValue(), page.intValue());
                }
            }
        }

        String dateText = nullableText(d, "date", "/document/date");
        LocalDate date = null;
        Integer year = null;
        if (dateText != null) {
            Matcher m = DATE.matcher(dateText);
            if (m.matches()) {
                year = Integer.parseInt(m.group(1));
                if (m.group(3) != null) {
                    try {
                        date = LocalDate.parse(dateText);
                    } catch (DateTimeException e) {
                        year = null; // 2019-02-30 and the like: neither a date nor a trustworthy year
                    }
                }
            }
        }
        DocumentRow doc = new DocumentRow(id,
                text(d, "source", "/document/source"),
                nullableText(d, "title", "/document/title"),
                date, year, dateText,
                joined(d.get("authors"), LIST_SEPARATOR, "/document/authors"),
                optionalText(d, "publisher", "/document/publisher"),
                joined(d.get("tags"), LIST_SEPARATOR, "/document/tags"),
                optionalText(d, "format", "/document/format"),
                optionalText(d, "language", "/document/language"),
                optionalCount(d, "pages", "/document/pages"),
                text(d, "sha256", "/document/sha256"),
                count(d, "characters", "/document/characters"),
                count(d, "tokens", "/document/tokens"),
                sentenceCount,
                text(p, "version", "/pipeline/version"),
                text(cb, "id", "/pipeline/codebook/id"),
                text(cb, "sha256", "/pipeline/codebook/sha256"),
                reportFile, reportSha256);

        List<SentenceRow> sentences = new ArrayList<>(sentenceCount);
        List<SentenceThemeRow> sentenceThemes = new ArrayList<>();
        Set<Integer> seenSentences = new HashSet<>();
        for (int i = 0; i < sentenceCount; i++) {
            String at = "/sentences/" + i;
            JsonNode s = object(sentencesNode, i, at);
            int index = count(s, "index", at + "/index");
            if (!seenSentences.add(index)) {
                throw new InvalidReportException(at + "/index: sentence " + index + " appears twice");
            }
            Integer page = optionalCount(s, "page", at + "/page");
            sentences.add(new SentenceRow(index, count(s, "start", at + "/start"), count(s, "end", at + "/end"),
                    optionalText(s, "text", at + "/text"), page != null ? page : evidencePages.get(index)));
            JsonNode th = array(s, "themes", at + "/themes");
            Set<String> themesOfSentence = new LinkedHashSet<>();
            for (int k = 0; k < th.size(); k++) {
                themesOfSentence.add(textValue(th.get(k), at + "/themes/" + k));
            }
            for (String themeId : themesOfSentence) {
                sentenceThemes.add(new SentenceThemeRow(index, themeId));
            }
        }

        JsonNode entitiesNode = array(root, "entities", "/entities");
        List<EntityRow> entities = new ArrayList<>(entitiesNode.size());
        List<MentionRow> mentions = new ArrayList<>();
        for (int i = 0; i < entitiesNode.size(); i++) {
            String at = "/entities/" + i;
            JsonNode e = object(entitiesNode, i, at);
            entities.add(new EntityRow(i, text(e, "type", at + "/type"), text(e, "canonical", at + "/canonical"),
                    optionalText(e, "code", at + "/code"), optionalText(e, "kind", at + "/kind"),
                    optionalText(e, "sovereign", at + "/sovereign"), count(e, "count", at + "/count")));
            JsonNode ms = array(e, "mentions", at + "/mentions");
            for (int k = 0; k < ms.size(); k++) {
                String mat = at + "/mentions/" + k;
                JsonNode m = object(ms, k, mat);
                mentions.add(new MentionRow(i, k, count(m, "start", mat + "/start"), count(m, "end", mat + "/end"),
                        text(m, "text", mat + "/text"), count(m, "sentence", mat + "/sentence")));
            }
        }

        List<ThemeRow> themes = new ArrayList<>(themesNode.size());
        List<EvidenceRow> evidence = new ArrayList<>();
        Set<String> seenThemes = new HashSet<>();
        for (int i = 0; i < themesNode.size(); i++) {
            String at = "/themes/" + i;
            JsonNode t = object(themesNode, i, at);
            String themeId = text(t, "id", at + "/id");
            if (!seenThemes.add(themeId)) {
                throw new InvalidReportException(at + "/id: theme " + themeId + " appears twice");
            }
            JsonNode ts = array(t, "sentences", at + "/sentences");
            for (int k = 0; k < ts.size(); k++) {
                countValue(ts.get(k), at + "/sentences/" + k);
            }
            int themeSentences = ts.size();
            themes.add(new ThemeRow(themeId, text(t, "polarity", at + "/polarity"), text(t, "name", at + "/name"),
                    number(t, "score", at + "/score"), themeSentences,
                    sentenceCount == 0 ? null : (double) themeSentences / sentenceCount,
                    joined(array(t, "actors", at + "/actors"), CODE_SEPARATOR, at + "/actors")));
            JsonNode ev = array(t, "evidence", at + "/evidence");
            for (int k = 0; k < ev.size(); k++) {
                String eat = at + "/evidence/" + k;
                JsonNode e = object(ev, k, eat);
                evidence.add(new EvidenceRow(themeId, k, count(e, "sentence", eat + "/sentence"),
                        count(e, "start", eat + "/start"), count(e, "end", eat + "/end"), text(e, "text", eat + "/text"),
                        number(e, "score", eat + "/score"), optionalCount(e, "page", eat + "/page"),
                        joined(array(e, "actors", eat + "/actors"), CODE_SEPARATOR, eat + "/actors")));
            }
        }
        return new ReportRows(doc, sentences, entities, mentions, themes, evidence, sentenceThemes);
    }

    // --- typed access with the JSON pointer of what is wrong ---

    private static String describe(JsonNode n) {
        return n == null || n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonNode object(JsonNode parent, String field, String at) throws InvalidReportException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new InvalidReportException(at + ": expected an object, found " + describe(n));
        }
        return n;
    }

    private static JsonNode object(JsonNode array, int i, String at) throws InvalidReportException {
        JsonNode n = array.get(i);
        if (n == null || !n.isObject()) {
            throw new InvalidReportException(at + ": expected an object, found " + describe(n));
        }
        return n;
    }

    private static JsonNode array(JsonNode parent, String field, String at) throws InvalidReportException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw new InvalidReportException(at + ": expected an array, found " + describe(n));
        }
        return n;
    }

    private static String text(JsonNode parent, String field, String at) throws InvalidReportException {
        return textValue(parent.get(field), at);
    }

    private static String textValue(JsonNode n, String at) throws InvalidReportException {
        if (n == null || !n.isTextual()) {
            throw new InvalidReportException(at + ": expected a string, found " + describe(n));
        }
        return n.textValue();
    }

    /** A required field that may be null. */
    private static String nullableText(JsonNode parent, String field, String at) throws InvalidReportException {
        JsonNode n = parent.get(field);
        if (n == null) {
            throw new InvalidReportException(at + ": expected a string or null, found nothing");
        }
        return n.isNull() ? null : textValue(n, at);
    }

    /** A field that may be absent or null. */
    private static String optionalText(JsonNode parent, String field, String at) throws InvalidReportException {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : textValue(n, at);
    }

    private static int count(JsonNode parent, String field, String at) throws InvalidReportException {
        return countValue(parent.get(field), at);
    }

    private static int countValue(JsonNode n, String at) throws InvalidReportException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new InvalidReportException(at + ": expected a non-negative integer, found "
                    + (n != null && n.isNumber() ? n.asText() : describe(n)));
        }
        return n.intValue();
    }

    private static Integer optionalCount(JsonNode parent, String field, String at) throws InvalidReportException {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : countValue(n, at);
    }

    private static double number(JsonNode parent, String field, String at) throws InvalidReportException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new InvalidReportException(at + ": expected a number, found " + describe(n));
        }
        return n.doubleValue();
    }

    /** An optional array of strings joined with {@code separator}; null when absent or empty. */
    private static String joined(JsonNode n, String separator, String at) throws InvalidReportException {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidReportException(at + ": expected an array, found " + describe(n));
        }
        List<String> parts = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            parts.add(textValue(n.get(i), at + "/" + i));
        }
        return parts.isEmpty() ? null : String.join(separator, parts);
    }
}
