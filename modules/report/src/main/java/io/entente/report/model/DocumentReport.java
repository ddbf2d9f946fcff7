package io.entente.report.model;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;
import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.entente.core.EntityType;
import io.entente.core.Modality;
import io.entente.core.PartialDate;
import io.entente.core.Polarity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-document report, {@code <id>.json} (schema {@code models/schemas/report.schema.json}),
 * as {@link ReportJson} writes and reads it. Component order is the order of the fields in the file.
 *
 * <p>The constructors check what the schema requires and what holds between fields (sentence indexes
 * that point into the report, theme ids that occur once), so a report that reads is one that
 * every reader can use. Fields the schema marks optional (added after version 1 first shipped) are
 * null when a report lacks them and are then not written.
 *
 * @param schemaVersion {@link ReportJson#SCHEMA_VERSION}
 * @param cooperation   the document's main cooperation pairs; null in reports written before them
 */
@JsonPropertyOrder({"schemaVersion", "document", "pipeline", "sentences", "entities", "themes", "cooperation"})
public record DocumentReport(@JsonProperty(required = true) int schemaVersion,
                             @JsonProperty(required = true) Meta document,
                             @JsonProperty(required = true) ReportPipeline pipeline,
                             @JsonProperty(required = true) List<Sentence> sentences,
                             @JsonProperty(required = true) List<Entity> entities,
                             @JsonProperty(required = true) List<Theme> themes,
                             @JsonInclude(NON_NULL) List<Cooperation> cooperation) {
    public DocumentReport {
        if (schemaVersion != ReportJson.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion is " + schemaVersion + "; this version of Entente reads "
                    + ReportJson.SCHEMA_VERSION);
        }
        Fields.required(document, "document");
        Fields.required(pipeline, "pipeline");
        sentences = Fields.list(sentences, "sentences");
        entities = Fields.list(entities, "entities");
        themes = Fields.list(themes, "themes");
        cooperation = Fields.optionalList(cooperation, "cooperation");

        int n = sentences.size();
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!indexes.add(sentences.get(i).index())) {
                throw new IllegalArgumentException("sentences[" + i + "].index " + sentences.get(i).index() + " appears twice");
            }
        }
        for (int i = 0; i < entities.size(); i++) {
            List<Mention> ms = entities.get(i).mentions();
            for (int j = 0; j < ms.size(); j++) {
                sentenceIndex(ms.get(j).sentence(), "entities[" + i + "].mentions[" + j + "].sentence", n);
            }
        }
        Set<String> themeIds = new HashSet<>();
        for (int i = 0; i < themes.size(); i++) {
            Theme t = themes.get(i);
            if (!themeIds.add(t.id())) {
                throw new IllegalArgumentException("themes[" + i + "].id '" + t.id() + "' appears twice");
            }
            for (int j = 0; j < t.sentences().size(); j++) {
                sentenceIndex(t.sentences().get(j), "themes[" + i + "].sentences[" + j + "]", n);
            }
            for (int j = 0; j < t.evidence().size(); j++) {
                sentenceIndex(t.evidence().get(j).sentence(), "themes[" + i + "].evidence[" + j + "].sentence", n);
            }
        }
    }

    private static void sentenceIndex(int index, String field, int sentences) {
        if (index >= sentences) {
            throw new IllegalArgumentException(field + " is " + index + " but the report has " + sentences + " sentences");
        }
    }

    /**
     * What is known about the document.
     *
     * @param date            the publication date, or null when unknown
     * @param authors         possibly empty (an empty list when the report has none)
     * @param tags            possibly empty (an empty list when the report has none)
     * @param format          the detected input format, or null in reports without it
     * @param encoding        the character encoding a plain-text or HTML file was decoded with, or null
     * @param pages           the number of pages of a paged format, or null
     * @param metadataSources for each metadata field set, where it came from, in file order
     */
    @JsonPropertyOrder({"id", "source", "title", "date", "sha256", "characters", "tokens", "authors", "publisher", "tags",
            "format", "language", "encoding", "pages", "metadataSources"})
    public record Meta(@JsonProperty(required = true) String id,
                       @JsonProperty(required = true) String source,
                       @JsonProperty(required = true) @JsonInclude(ALWAYS) String title,
                       @JsonProperty(required = true) @JsonInclude(ALWAYS) PartialDate date,
                       @JsonProperty(required = true) String sha256,
                       @JsonProperty(required = true) int characters,
                       @JsonProperty(required = true) int tokens,
                       List<String> authors,
                       @JsonInclude(ALWAYS) String publisher,
                       List<String> tags,
                       @JsonInclude(NON_NULL) String format,
                       @JsonInclude(ALWAYS) String language,
                       @JsonInclude(NON_NULL) String encoding,
                       @JsonInclude(NON_NULL) Integer pages,
                       Map<String, String> metadataSources) {
        public Meta {
            Fields.nonEmpty(id, "id");
            Fields.required(source, "source");
            Fields.required(sha256, "sha256");
            Fields.count(characters, "characters");
            Fields.count(tokens, "tokens");
            authors = Fields.list(authors == null ? List.of() : authors, "authors");
            tags = Fields.list(tags == null ? List.of() : tags, "tags");
            Fields.count(pages, "pages");
            metadataSources = Fields.map(metadataSources == null ? Map.of() : metadataSources, "metadataSources");
        }
    }

    /**
     * A sentence.
     *
     * @param text    the sentence text, or null in reports without it
     * @param section {@code author}, {@code references} or {@code notes} for a sentence outside the
     *                paper's argument, else null
     * @param themes  the ids of the themes the sentence carries
     */
    @JsonPropertyOrder({"index", "start", "end", "text", "section", "themes"})
    public record Sentence(@JsonProperty(required = true) int index,
                           @JsonProperty(required = true) int start,
                           @JsonProperty(required = true) int end,
                           @JsonInclude(NON_NULL) String text,
                           @JsonInclude(NON_NULL) String section,
                           @JsonProperty(required = true) List<String> themes) {
        public Sentence {
            Fields.count(index, "index");
            Fields.count(start, "start");
            Fields.count(end, "end");
            themes = Fields.list(themes, "themes");
        }

        /** Whether the sentence is part of the paper's argument (not an author box, references or notes). */
        @JsonIgnore
        public boolean isArgument() {
            return section == null;
        }
    }

    /**
     * A country, organization or person with every mention.
     *
     * @param code      ISO 3166-1 alpha-3 for countries, else null
     * @param kind      countries only: {@code state}, {@code territory} or {@code former}; null otherwise
     *                  and in reports written before it
     * @param sovereign territories only: the sovereign state's code, else null
     */
    @JsonPropertyOrder({"type", "canonical", "code", "kind", "sovereign", "count", "mentions"})
    public record Entity(@JsonProperty(required = true) EntityType type,
                         @JsonProperty(required = true) String canonical,
                         @JsonInclude(NON_NULL) String code,
                         @JsonInclude(NON_NULL) String kind,
                         @JsonInclude(NON_NULL) String sovereign,
                         @JsonProperty(required = true) int count,
                         @JsonProperty(required = true) List<Mention> mentions) {
        public Entity {
            Fields.required(type, "type");
            Fields.nonEmpty(canonical, "canonical");
            if (type == EntityType.COUNTRY) {
                Fields.required(code, "code");
            }
            Fields.count(count, "count");
            mentions = Fields.list(mentions, "mentions");
        }
    }

    /**
     * One mention of an entity.
     *
     * @param form country mentions only: the kind of form that named the country, else null
     */
    @JsonPropertyOrder({"start", "end", "text", "sentence", "form"})
    public record Mention(@JsonProperty(required = true) int start,
                          @JsonProperty(required = true) int end,
                          @JsonProperty(required = true) String text,
                          @JsonProperty(required = true) int sentence,
                          @JsonInclude(NON_NULL) String form) {
        public Mention {
            Fields.count(start, "start");
            Fields.count(end, "end");
            Fields.required(text, "text");
            Fields.count(sentence, "sentence");
        }
    }

    /**
     * A theme the document carries.
     *
     * @param polarity {@code driver} or {@code obstacle}
     * @param presence the noisy-or of the evidence scores, or null in reports written before it
     */
    @JsonPropertyOrder({"id", "polarity", "name", "score", "presence", "sentences", "actors", "evidence"})
    public record Theme(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String polarity,
                        @JsonProperty(required = true) String name,
                        @JsonProperty(required = true) double score,
                        @JsonInclude(NON_NULL) Double presence,
                        @JsonProperty(required = true) List<Integer> sentences,
                        @JsonProperty(required = true) List<String> actors,
                        @JsonProperty(required = true) List<Evidence> evidence) {
        public Theme {
            Fields.nonEmpty(id, "id");
            checkPolarity(polarity, "polarity");
            Fields.required(name, "name");
            Fields.finite(score, "score");
            Fields.finite(presence, "presence");
            sentences = Fields.list(sentences, "sentences");
            for (int i = 0; i < sentences.size(); i++) {
                Fields.count(sentences.get(i), "sentences[" + i + "]");
            }
            actors = Fields.list(actors, "actors");
            evidence = Fields.list(evidence, "evidence");
        }
    }

    /**
     * One evidence sentence of a theme.
     *
     * @param page     the 1-based page of the evidence start, for paged formats; else null
     * @param modality {@code stated}, {@code recommended}, {@code hypothetical} or {@code negated}; null in
     *                 reports written before it
     */
    @JsonPropertyOrder({"sentence", "start", "end", "text", "page", "score", "actors", "cues", "modality"})
    public record Evidence(@JsonProperty(required = true) int sentence,
                           @JsonProperty(required = true) int start,
                           @JsonProperty(required = true) int end,
                           @JsonProperty(required = true) String text,
                           @JsonInclude(NON_NULL) Integer page,
                           @JsonProperty(required = true) double score,
                           @JsonProperty(required = true) List<String> actors,
                           @JsonProperty(required = true) List<Cue> cues,
                           @JsonInclude(NON_NULL) String modality) {
        public Evidence {
            Fields.count(sentence, "sentence");
            Fields.count(start, "start");
            Fields.count(end, "end");
            Fields.required(text, "text");
            if (page != null && page < 1) {
                throw new IllegalArgumentException("page is " + page + ", not a page number (1 or more)");
            }
            Fields.finite(score, "score");
            actors = Fields.list(actors, "actors");
            cues = Fields.list(cues, "cues");
            if (modality != null) {
                try {
                    Modality.parse(modality);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("modality is '" + modality + "', not stated, recommended,"
                            + " hypothetical or negated");
                }
            }
        }
    }

    /** A cue of the codebook that matched in an evidence sentence. */
    @JsonPropertyOrder({"pattern", "start", "end", "negated"})
    public record Cue(@JsonProperty(required = true) String pattern,
                      @JsonProperty(required = true) int start,
                      @JsonProperty(required = true) int end,
                      @JsonProperty(required = true) boolean negated) {
        public Cue {
            Fields.required(pattern, "pattern");
            Fields.count(start, "start");
            Fields.count(end, "end");
        }
    }

    /** A cooperation pair (or group) of the document. */
    @JsonPropertyOrder({"pair", "countries", "sentences", "themes"})
    public record Cooperation(@JsonProperty(required = true) String pair,
                              @JsonProperty(required = true) List<String> countries,
                              @JsonProperty(required = true) int sentences,
                              @JsonProperty(required = true) List<PairTheme> themes) {
        public Cooperation {
            Fields.nonEmpty(pair, "pair");
            countries = Fields.list(countries, "countries");
            Fields.count(sentences, "sentences");
            themes = Fields.list(themes, "themes");
        }
    }

    /** A theme whose evidence involves every country of a pair. */
    @JsonPropertyOrder({"id", "sentences"})
    public record PairTheme(@JsonProperty(required = true) String id, @JsonProperty(required = true) int sentences) {
        public PairTheme {
            Fields.nonEmpty(id, "id");
            Fields.count(sentences, "sentences");
        }
    }

    static void checkPolarity(String polarity, String field) {
        Fields.required(polarity, field);
        try {
            Polarity.parse(polarity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is '" + polarity + "', not driver or obstacle");
        }
    }
}
