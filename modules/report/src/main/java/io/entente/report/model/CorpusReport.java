package io.entente.report.model;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.entente.core.PartialDate;
import java.util.List;

/**
 * The corpus summary, {@code corpus.json}, as {@link ReportJson} writes and reads it: counts per theme
 * and country over the documents of a run, one line per document, and the files that failed.
 * Component order is the order of the fields in the file.
 *
 * @param schemaVersion {@link ReportJson#SCHEMA_VERSION}
 * @param documents     the number of documents reported
 * @param failed        the number of files that could not be processed
 * @param sentences     the sentences of the documents' arguments, summed
 * @param themes        every theme some document carries, in most documents first (then by id)
 * @param countries     every country some argument mentions, in most documents first (then by code)
 * @param documentList  one entry per document, by id
 * @param failures      the files that failed, by path
 */
@JsonPropertyOrder({"schemaVersion", "pipeline", "documents", "failed", "sentences", "themes", "countries",
        "documentList", "failures"})
public record CorpusReport(@JsonProperty(required = true) int schemaVersion,
                           @JsonProperty(required = true) ReportPipeline pipeline,
                           @JsonProperty(required = true) int documents,
                           @JsonProperty(required = true) int failed,
                           @JsonProperty(required = true) int sentences,
                           @JsonProperty(required = true) List<Theme> themes,
                           @JsonProperty(required = true) List<Country> countries,
                           @JsonProperty(required = true) List<Document> documentList,
                           @JsonProperty(required = true) List<Failure> failures) {
    public CorpusReport {
        if (schemaVersion != ReportJson.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion is " + schemaVersion + "; this version of Entente reads "
                    + ReportJson.SCHEMA_VERSION);
        }
        Fields.required(pipeline, "pipeline");
        Fields.count(documents, "documents");
        Fields.count(failed, "failed");
        Fields.count(sentences, "sentences");
        themes = Fields.list(themes, "themes");
        countries = Fields.list(countries, "countries");
        documentList = Fields.list(documentList, "documentList");
        failures = Fields.list(failures, "failures");
        if (documentList.size() != documents) {
            throw new IllegalArgumentException("documents is " + documents + " but documentList has " + documentList.size());
        }
        if (failures.size() != failed) {
            throw new IllegalArgumentException("failed is " + failed + " but failures has " + failures.size());
        }
    }

    /**
     * A theme over the corpus.
     *
     * @param documents     the documents carrying it
     * @param sentences     its sentences over all documents
     * @param sentenceShare {@code sentences} over the corpus's sentences, rounded to 4 decimals
     */
    @JsonPropertyOrder({"id", "polarity", "name", "documents", "sentences", "sentenceShare"})
    public record Theme(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String polarity,
                        @JsonProperty(required = true) String name,
                        @JsonProperty(required = true) int documents,
                        @JsonProperty(required = true) int sentences,
                        @JsonProperty(required = true) double sentenceShare) {
        public Theme {
            Fields.nonEmpty(id, "id");
            DocumentReport.checkPolarity(polarity, "polarity");
            Fields.required(name, "name");
            Fields.count(documents, "documents");
            Fields.count(sentences, "sentences");
            Fields.finite(sentenceShare, "sentenceShare");
        }
    }

    /**
     * A country over the corpus.
     *
     * @param name      its canonical name, or null when no document gave one
     * @param documents the documents whose argument mentions it
     * @param mentions  its mentions in the documents' arguments
     */
    @JsonPropertyOrder({"code", "name", "documents", "mentions"})
    public record Country(@JsonProperty(required = true) String code,
                          @JsonProperty(required = true) @JsonInclude(ALWAYS) String name,
                          @JsonProperty(required = true) int documents,
                          @JsonProperty(required = true) int mentions) {
        public Country {
            Fields.nonEmpty(code, "code");
            Fields.count(documents, "documents");
            Fields.count(mentions, "mentions");
        }
    }

    /**
     * What the summary keeps of one document.
     *
     * @param title     the title, or null
     * @param date      the publication date, or null
     * @param sentences the sentences of its argument
     * @param countries the codes of the countries its argument mentions, in order
     */
    @JsonPropertyOrder({"id", "source", "title", "date", "sentences", "tokens", "themes", "countries"})
    public record Document(@JsonProperty(required = true) String id,
                           @JsonProperty(required = true) String source,
                           @JsonProperty(required = true) @JsonInclude(ALWAYS) String title,
                           @JsonProperty(required = true) @JsonInclude(ALWAYS) PartialDate date,
                           @JsonProperty(required = true) int sentences,
                           @JsonProperty(required = true) int tokens,
                           @JsonProperty(required = true) List<DocumentTheme> themes,
                           @JsonProperty(required = true) List<String> countries) {
        public Document {
            Fields.nonEmpty(id, "id");
            Fields.required(source, "source");
            Fields.count(sentences, "sentences");
            Fields.count(tokens, "tokens");
            themes = Fields.list(themes, "themes");
            countries = Fields.list(countries, "countries");
        }
    }

    /** A theme in one document of the summary. */
    @JsonPropertyOrder({"id", "score", "sentences"})
    public record DocumentTheme(@JsonProperty(required = true) String id,
                                @JsonProperty(required = true) double score,
                                @JsonProperty(required = true) int sentences) {
        public DocumentTheme {
            Fields.nonEmpty(id, "id");
            Fields.finite(score, "score");
            Fields.count(sentences, "sentences");
        }
    }

    /**
     * A file that could not be processed.
     *
     * @param reason why, or null
     */
    @JsonPropertyOrder({"path", "reason"})
    public record Failure(@JsonProperty(required = true) String path,
                          @JsonProperty(required = true) @JsonInclude(ALWAYS) String reason) {
        public Failure {
            Fields.required(path, "path");
        }
    }
}
