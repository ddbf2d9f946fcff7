package io.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The Markdown form of a result: machine header, then one table per question. */
final class Markdown {
    private Markdown() {
    }

    static String render(JsonNode root) {
        StringBuilder b = new StringBuilder();
        JsonNode m = root.get("machine");
        JsonNode c = root.get("corpus");
        b.append("# Entente benchmark\n\n");
        b.append(String.format(Locale.ROOT, "- machine: %s cores, %s, %s MiB RAM, load average %.2f at start%n",
                m.get("cores").asText(), m.get("cpu").asText(), m.get("memoryMiB").asText(), m.get("loadAverage").asDouble()));
        b.append(String.format(Locale.ROOT, "- Java: %s, max heap %s MiB, JVM options %s%n", m.get("java").asText(),
                m.get("maxHeapMiB").asText(), root.get("jvmArguments")));
        b.append(String.format(Locale.ROOT, "- OS: %s; started %s%n", m.get("os").asText(), root.get("startedAt").asText()));
        b.append(String.format(Locale.ROOT, "- corpus: %d documents, %d words (~%d tokens per document targeted), seed %d, sampled from %d sentences of %s%n",
                c.get("documents").asInt(), c.get("words").asLong(), c.get("targetTokensPerDocument").asInt(),
                c.get("seed").asLong(), c.get("sentencePool").asInt(), c.get("sources")));
        b.append(String.format(Locale.ROOT, "- warm-up pass: %s%n%n", root.get("options").get("warmup").asBoolean() ? "yes" : "no"));

        b.append("## Throughput\n\n");
        b.append("tokens/s counts each configuration's own tokens; words/s counts the same whitespace words for all.\n\n");
        b.append("| configuration | threads | docs/s | sentences/s | tokens/s | words/s | wall s | CPU s | CPU/wall | peak heap MiB | VmRSS MiB | VmHWM MiB (process so far) |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode cfg : root.get("configurations")) {
            for (JsonNode r : cfg.get("runs")) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |%n",
                        cfg.get("name").asText(), r.get("threads").asInt(), r.get("documentsPerSecond").asDouble(),
                        r.path("sentencesPerSecond").asDouble(),
                        r.get("tokensPerSecond").asDouble(), r.get("wordsPerSecond").asDouble(), r.get("wallSeconds").asDouble(),
                        r.get("cpuSeconds").asDouble(), r.get("cpuPerWall").asDouble(), r.get("peakHeapMiB").asDouble(),
                        r.get("vmRssMiB").asDouble(), r.get("vmHwmMiBProcess").asDouble()));
            }
        }

        b.append("\n## Models and footprint\n\n");
        b.append("| configuration | model load s | load CPU s | heap after load MiB | own JVM: load s | own JVM: VmHWM MiB |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode cfg : root.get("configurations")) {
            JsonNode own = cfg.get("ownJvm");
            b.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %s | %s |%n", cfg.get("name").asText(),
                    cfg.get("modelLoadSeconds").asDouble(), cfg.get("modelLoadCpuSeconds").asDouble(),
                    cfg.get("heapAfterLoadMiB").asDouble(),
                    own == null || own.get("modelLoadSeconds") == null ? "-" : String.format(Locale.ROOT, "%.2f", own.get("modelLoadSeconds").asDouble()),
                    own == null || own.get("vmHwmMiB") == null ? "-" : String.format(Locale.ROOT, "%.0f", own.get("vmHwmMiB").asDouble())));
        }

        b.append("\n## Time per stage (thread-seconds, share of the configuration's stage time)\n\n");
        b.append("| configuration | threads | stages |\n|---|---:|---|\n");
        for (JsonNode cfg : root.get("configurations")) {
            for (JsonNode r : cfg.get("runs")) {
                JsonNode st = r.get("stageThreadSeconds");
                double total = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                    total += it.next().getValue().asDouble();
                }
                StringBuilder stages = new StringBuilder();
                for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    double v = e.getValue().asDouble();
                    stages.append(String.format(Locale.ROOT, "%s%s %.2f s (%.0f %%)", stages.length() == 0 ? "" : ", ",
                            e.getKey(), v, total > 0 ? 100 * v / total : 0));
                }
                b.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", cfg.get("name").asText(), r.get("threads").asInt(), stages));
            }
        }

        boolean anyF1 = false;
        for (JsonNode cfg : root.get("configurations")) {
            anyF1 |= cfg.has("entityF1");
        }
        if (anyF1) {
            b.append("\n## Entity F1 on the gold documents\n\n");
            b.append("Stock CoreNLP: PERSON and ORGANIZATION spans as they are; LOCATION/COUNTRY/STATE_OR_PROVINCE/CITY spans "
                    + "count as a country only when their text is a country's name, official or alternative name, abbreviation or "
                    + "capital in models/gazetteers/countries.tsv.\n\n");
            b.append("| configuration | COUNTRY F1 | ORGANIZATION F1 | PERSON F1 | micro P | micro R | micro F1 |\n");
            b.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (JsonNode cfg : root.get("configurations")) {
                JsonNode f = cfg.get("entityF1");
                if (f == null) {
                    continue;
                }
                b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", cfg.get("name").asText(),
                        f.get("COUNTRY").get("f1").asDouble(), f.get("ORGANIZATION").get("f1").asDouble(),
                        f.get("PERSON").get("f1").asDouble(), f.get("micro").get("precision").asDouble(),
                        f.get("micro").get("recall").asDouble(), f.get("micro").get("f1").asDouble()));
            }
        }
        return b.toString();
    }
}
