package io.entente.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.CooperationPair;
import io.entente.core.CueMatch;
import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.ModelInfo;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-document JSON report (schema {@code models/schemas/report.schema.json}). Field order is
 * fixed, so the same document gives byte-identical output.
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static ObjectNode toJson(Document doc, PipelineInfo pipeline) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode d = root.putObject("document");
        d.put("id", doc.info().id());
        d.put("source", doc.info().source());
        d.put("title", doc.info().title());
        d.put("date", doc.info().date());
        d.put("sha256", doc.info().sha256());
        d.put("characters", doc.text().length());
        d.put("tokens", doc.tokenCount());
        ArrayNode authors = d.putArray("authors");
        doc.info().authors().forEach(authors::add);
        d.put("publisher", doc.info().publisher());
        ArrayNode tags = d.putArray("tags");
        doc.info().tags().forEach(tags::add);
        d.put("format", doc.info().format());
        d.put("language", doc.info().language());
        if (doc.info().encoding() != null) {
            d.put("encoding", doc.info().encoding());
        }
        if (!doc.pageStarts().isEmpty()) {
            d.put("pages", doc.pageStarts().size());
        }
        ObjectNode origins = d.putObject("metadataSources");
        doc.info().origins().forEach(origins::put);
        root.set("pipeline", pipeline(pipeline));

        List<List<String>> themesOfSentence = new ArrayList<>();
        for (int i = 0; i < doc.sentences().size(); i++) {
            themesOfSentence.add(new ArrayList<>());
        }
        for (ThemeResult t : doc.themes()) {
            for (int s : t.sentences()) {
                themesOfSentence.get(s).add(t.id());
            }
        }
        ArrayNode sentences = root.putArray("sentences");
        for (Sentence s : doc.sentences()) {
            ObjectNode n = sentences.addObject();
            n.put("index", s.index());
            n.put("start", s.start());
            n.put("end", s.end());
            n.put("text", s.text(doc.text()));
            String section = doc.sections().get(s.index());
            if (section != null) {
                n.put("section", section); // author box, references or notes: not evidence of the argument
            }
            ArrayNode th = n.putArray("themes");
            themesOfSentence.get(s.index()).forEach(th::add);
        }

        ArrayNode entities = root.putArray("entities");
        for (Entity e : doc.entities()) {
            ObjectNode n = entities.addObject();
            n.put("type", e.type().name());
            n.put("canonical", e.canonical());
            if (e.code() != null) {
                n.put("code", e.code());
            }
            if (e.type() == EntityType.COUNTRY) {
                n.put("kind", e.kind());
                if (e.sovereign() != null) {
                    n.put("sovereign", e.sovereign());
                }
            }
            n.put("count", e.count());
            ArrayNode ms = n.putArray("mentions");
            for (Mention m : e.mentions()) {
                ObjectNode mn = ms.addObject();
                mn.put("start", m.start());
                mn.put("end", m.end());
                mn.put("text", m.text());
                mn.put("sentence", m.sentence());
                if (m.form() != null) {
                    mn.put("form", m.form());
                }
            }
        }

        ArrayNode themes = root.putArray("themes");
        for (ThemeResult t : doc.themes()) {
            ObjectNode n = themes.addObject();
            n.put("id", t.id());
            n.put("polarity", t.polarity().label());
            n.put("name", t.name());
            n.put("score", t.score());
            n.put("presence", t.presence());
            ArrayNode ss = n.putArray("sentences");
            t.sentences().forEach(ss::add);
            ArrayNode actors = n.putArray("actors");
            t.actors().forEach(actors::add);
            ArrayNode ev = n.putArray("evidence");
            for (ThemeEvidence e : t.evidence()) {
                ObjectNode en = ev.addObject();
                en.put("sentence", e.sentence());
                en.put("start", e.start());
                en.put("end", e.end());
                en.put("text", e.text());
                Integer page = doc.pageOf(e.start());
                if (page != null) {
                    en.put("page", page);
                }
                en.put("score", e.score());
                ArrayNode a = en.putArray("actors");
                e.actors().forEach(a::add);
                ArrayNode cues = en.putArray("cues");
                for (CueMatch c : e.cues()) {
                    ObjectNode cn = cues.addObject();
                    cn.put("pattern", c.pattern());
                    cn.put("start", c.start());
                    cn.put("end", c.end());
                    cn.put("negated", c.negated());
                }
                en.put("modality", e.modality().label());
            }
        }

        ArrayNode cooperation = root.putArray("cooperation");
        for (CooperationPair p : doc.cooperation()) {
            ObjectNode n = cooperation.addObject();
            n.put("pair", p.pair());
            ArrayNode cs = n.putArray("countries");
            p.countries().forEach(cs::add);
            n.put("sentences", p.sentences());
            ArrayNode th = n.putArray("themes");
            for (CooperationPair.PairTheme t : p.themes()) {
                th.addObject().put("id", t.id()).put("sentences", t.sentences());
            }
        }
        return root;
    }

    static ObjectNode pipeline(PipelineInfo p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", p.version());
        ObjectNode cb = n.putObject("codebook");
        cb.put("id", p.codebookId());
        cb.put("sha256", p.codebookSha256());
        ArrayNode models = n.putArray("models");
        for (ModelInfo m : p.models()) {
            ObjectNode mn = models.addObject();
            mn.put("name", m.name());
            mn.put("version", m.version());
        }
        return n;
    }

    public static String render(Document doc, PipelineInfo pipeline) {
        return write(toJson(doc, pipeline));
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
