package io.entente.report;

import io.entente.core.CooperationPair;
import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Modality;
import io.entente.core.Polarity;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The per-document report for people: themes by polarity with their evidence, then entities. */
public final class MarkdownReport {
    private static final int MAX_EVIDENCE = 5;

    private MarkdownReport() {
    }

    public static String render(Document doc, PipelineInfo pipeline) {
        StringBuilder b = new StringBuilder();
        String title = doc.info().title() != null ? doc.info().title() : doc.info().id();
        b.append("# ").append(escape(title)).append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| document | `").append(doc.info().id()).append("` |\n");
        b.append("| source | ").append(escape(doc.info().source())).append(" |\n");
        b.append("| date | ").append(doc.info().date() == null ? "unknown" : doc.info().date()).append(" |\n");
        if (!doc.info().authors().isEmpty()) {
            b.append("| authors | ").append(escape(String.join("; ", doc.info().authors()))).append(" |\n");
        }
        if (doc.info().publisher() != null) {
            b.append("| publisher | ").append(escape(doc.info().publisher())).append(" |\n");
        }
        if (!doc.info().tags().isEmpty()) {
            b.append("| tags | ").append(escape(String.join("; ", doc.info().tags()))).append(" |\n");
        }
        b.append("| size | ").append(doc.sentences().size()).append(" sentences, ").append(doc.tokenCount()).append(" tokens |\n");
        b.append("| codebook | ").append(pipeline.codebookId()).append(" |\n\n");

        cooperation(b, doc);

        b.append("## Themes\n\n");
        if (doc.themes().isEmpty()) {
            b.append("No theme of the codebook was found.\n\n");
        } else {
            // salience (share of the argument) ranks the themes; presence says how sure one can be that the paper carries it
            b.append("| theme | polarity | salience | presence | sentences | countries involved |\n|---|---|---|---|---|---|\n");
            List<ThemeResult> sorted = doc.themes().stream()
                    .sorted(Comparator.comparingDouble(ThemeResult::score).reversed().thenComparing(ThemeResult::id)).toList();
            for (ThemeResult t : sorted) {
                b.append("| ").append(escape(t.name())).append(" (`").append(t.id()).append("`) | ")
                        .append(t.polarity().label()).append(" | ").append(String.format(Locale.ROOT, "%.2f", t.score()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", t.presence()))
                        .append(" | ").append(t.sentences().size()).append(" | ").append(String.join(", ", t.actors())).append(" |\n");
            }
            b.append('\n');
            section(b, "Drivers of cooperation", sorted, Polarity.DRIVER);
            section(b, "Obstacles to cooperation", sorted, Polarity.OBSTACLE);
            recommendations(b, sorted);
        }

        b.append("## Entities\n\n");
        entities(b, doc, EntityType.COUNTRY, "Countries");
        entities(b, doc, EntityType.ORGANIZATION, "Organizations");
        entities(b, doc, EntityType.PERSON, "People");
        b.append("---\nEntente ").append(pipeline.version()).append(", codebook `").append(pipeline.codebookId())
                .append("` (sha256 ").append(pipeline.codebookSha256(), 0, 12).append(").\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String heading, List<ThemeResult> themes, Polarity polarity) {
        List<ThemeResult> these = themes.stream().filter(t -> t.polarity() == polarity).toList();
        if (these.isEmpty()) {
            return;
        }
        b.append("### ").append(heading).append("\n\n");
        for (ThemeResult t : these) {
            b.append("**").append(escape(t.name())).append("** (salience ")
                    .append(String.format(Locale.ROOT, "%.2f", t.score())).append(")\n\n");
            List<ThemeEvidence> other = t.evidence().stream().filter(e -> e.modality() != Modality.RECOMMENDED).toList();
            if (other.isEmpty()) {
                b.append("Only recommendations (see below).\n\n");
                continue;
            }
            quotes(b, other);
        }
    }

    /** Recommended evidence, apart from what the text states, under each theme. */
    private static void recommendations(StringBuilder b, List<ThemeResult> themes) {
        List<ThemeResult> these = themes.stream()
                .filter(t -> t.evidence().stream().anyMatch(e -> e.modality() == Modality.RECOMMENDED)).toList();
        if (these.isEmpty()) {
            return;
        }
        b.append("### Recommendations\n\n");
        for (ThemeResult t : these) {
            b.append("**").append(escape(t.name())).append("** (").append(t.polarity().label()).append(")\n\n");
            quotes(b, t.evidence().stream().filter(e -> e.modality() == Modality.RECOMMENDED).toList());
        }
    }

    private static void quotes(StringBuilder b, List<ThemeEvidence> all) {
        List<ThemeEvidence> ev = all.stream()
                .sorted(Comparator.comparingDouble(ThemeEvidence::score).reversed().thenComparingInt(ThemeEvidence::sentence))
                .limit(MAX_EVIDENCE).sorted(Comparator.comparingInt(ThemeEvidence::sentence)).toList();
        for (ThemeEvidence e : ev) {
            b.append("> ").append(escape(e.text().replaceAll("\\s+", " "))).append(" *(sentence ").append(e.sentence());
            if (!e.actors().isEmpty()) {
                b.append("; ").append(String.join(", ", e.actors()));
            }
            if (e.modality() == Modality.NEGATED || e.modality() == Modality.HYPOTHETICAL) {
                b.append("; ").append(e.modality().label());
            }
            b.append(")*\n>\n");
        }
        if (all.size() > MAX_EVIDENCE) {
            b.append("> … and ").append(all.size() - MAX_EVIDENCE).append(" more sentences (see the JSON report)\n");
        }
        b.append('\n');
    }

    private static void cooperation(StringBuilder b, Document doc) {
        if (doc.cooperation().isEmpty()) {
            return;
        }
        b.append("## Cooperation\n\n");
        b.append("Main cooperation pair: **").append(doc.cooperation().get(0).pair()).append("**\n\n");
        b.append("| pair | sentences | themes (sentences) |\n|---|---|---|\n");
        for (CooperationPair p : doc.cooperation()) {
            b.append("| ").append(p.pair()).append(" | ").append(p.sentences()).append(" | ");
            StringBuilder th = new StringBuilder();
            for (CooperationPair.PairTheme t : p.themes()) {
                if (th.length() > 0) {
                    th.append(", ");
                }
                th.append('`').append(t.id()).append("` (").append(t.sentences()).append(')');
            }
            b.append(th.length() == 0 ? "none" : th).append(" |\n");
        }
        b.append('\n');
    }

    private static void entities(StringBuilder b, Document doc, EntityType type, String heading) {
        List<Entity> list = doc.entities().stream().filter(e -> e.type() == type)
                .sorted(Comparator.comparingInt(Entity::count).reversed().thenComparing(Entity::canonical)).toList();
        b.append("### ").append(heading).append("\n\n");
        if (list.isEmpty()) {
            b.append("None found.\n\n");
            return;
        }
        b.append(type == EntityType.COUNTRY ? "| country | code | mentions |\n|---|---|---|\n" : "| name | mentions |\n|---|---|\n");
        for (Entity e : list) {
            b.append("| ").append(escape(e.canonical())).append(" | ");
            if (type == EntityType.COUNTRY) {
                b.append(e.code()).append(" | ");
            }
            b.append(e.count()).append(" |\n");
        }
        b.append('\n');
    }

    /**
     * Keeps document text from being read as Markdown or HTML, and on one line: a line break inside a
     * title or a table cell (a metadata title, a PDF's info title) would end the heading or the table.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("[\\r\\n\\u2028\\u2029]+\\s*", " ").replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("#", "\\#");
    }
}
