package io.entente.site;

import io.entente.core.CooperationPair;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Layer;
import io.entente.core.Mention;
import io.entente.core.ModelInfo;
import io.entente.core.Modality;
import io.entente.core.Polarity;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.report.JsonReport;
import io.entente.report.PipelineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic reports for the scale measurement: documents made of generated sentences (no corpus text), with
 * dates, tags, countries, themes and evidence, written by the report module's own writer.
 */
final class SyntheticReports {
    private static final String[][] COUNTRIES = {{"JPN", "Japan"}, {"KOR", "South Korea"}, {"USA", "United States"},
            {"CHN", "China"}, {"PRK", "North Korea"}, {"RUS", "Russia"}, {"AUS", "Australia"}, {"IND", "India"},
            {"PHL", "Philippines"}, {"VNM", "Vietnam"}, {"IDN", "Indonesia"}, {"SGP", "Singapore"}};
    private static final String[] WORDS = ("dialogue exercise agreement ministers summit coast guard navy treaty trade "
            + "sanctions missile islands history apology alliance forum framework talks budget port patrol cyber "
            + "disaster relief intelligence supply chain energy fisheries exchange academy officers").split(" ");
    private static final int THEMES = 20;
    private static final String[] TAGS = {"think-tank", "government", "journal", "northeast-asia", "maritime", "nuclear",
            "economy", "history"};

    private SyntheticReports() {
    }

    static void write(Path dir, int documents, long seed) throws IOException {
        write(dir, documents, seed, false);
    }

    /** With {@code paged}, each document is a PDF of pages of ten sentences. */
    static void write(Path dir, int documents, long seed, boolean paged) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        PipelineInfo info = new PipelineInfo("0.1.0", "synthetic", "0".repeat(64), List.of(new ModelInfo("synthetic", "1")));
        for (int i = 0; i < documents; i++) {
            Document d = document(r, String.format("paper-%05d", i), paged);
            Files.writeString(dir.resolve(d.id() + ".json"), JsonReport.render(d, info));
        }
    }

    private static Document document(Random r, String id, boolean paged) {
        int n = 30 + r.nextInt(40);
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        List<List<String>> named = new ArrayList<>();
        Map<String, List<Mention>> mentions = new TreeMap<>();
        for (int s = 0; s < n; s++) {
            int start = text.length();
            List<String> codes = new ArrayList<>();
            StringBuilder b = new StringBuilder();
            int words = 12 + r.nextInt(18);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    b.append(' ');
                }
                if (r.nextInt(9) == 0) {
                    String[] c = COUNTRIES[r.nextInt(COUNTRIES.length)];
                    int at = start + b.length();
                    b.append(c[1]);
                    mentions.computeIfAbsent(c[0] + "|" + c[1], k -> new ArrayList<>()).add(new Mention(at, at + c[1].length(), c[1], s, "gazetteer", "name"));
                    if (!codes.contains(c[0])) {
                        codes.add(c[0]);
                    }
                } else {
                    b.append(WORDS[r.nextInt(WORDS.length)]);
                }
            }
            b.append('.');
            text.append(b);
            sentences.add(new Sentence(s, start, text.length(), List.of()));
            named.add(codes);
            text.append(r.nextInt(4) == 0 ? "\n\n" : " ");
        }
        List<Entity> entities = new ArrayList<>();
        mentions.forEach((key, ms) -> {
            String[] k = key.split("\\|");
            entities.add(new Entity(EntityType.COUNTRY, k[1], k[0], ms, "state", null));
        });
        List<ThemeResult> themes = new ArrayList<>();
        int themeCount = 3 + r.nextInt(8);
        List<Integer> pool = new ArrayList<>();
        for (int t = 0; t < THEMES; t++) {
            pool.add(t);
        }
        java.util.Collections.shuffle(pool, r);
        String body = text.toString();
        for (int t : pool.subList(0, themeCount)) {
            Polarity polarity = t < THEMES / 2 ? Polarity.DRIVER : Polarity.OBSTACLE;
            List<ThemeEvidence> evidence = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            int k = 1 + r.nextInt(4);
            for (int e = 0; e < k; e++) {
                int s = r.nextInt(n);
                if (idx.contains(s)) {
                    continue;
                }
                idx.add(s);
                Sentence sn = sentences.get(s);
                evidence.add(new ThemeEvidence(s, sn.start(), sn.end(), sn.text(body), 0.5 + r.nextInt(50) / 100.0,
                        named.get(s), List.of(), r.nextInt(5) == 0 ? Modality.RECOMMENDED : Modality.STATED));
            }
            idx.sort(null);
            evidence.sort((a, b) -> Integer.compare(a.sentence(), b.sentence()));
            themes.add(new ThemeResult("synthetic." + (polarity == Polarity.DRIVER ? "driver" : "obstacle") + (t + 1), polarity,
                    (polarity == Polarity.DRIVER ? "Synthetic driver " : "Synthetic obstacle ") + (t + 1),
                    Math.round(idx.size() * 10000.0 / n) / 10000.0, idx, evidence, List.of()));
        }
        Map<String, Integer> pairCounts = new LinkedHashMap<>();
        List<CooperationPair> cooperation = List.of();
        String date = (1995 + r.nextInt(31)) + (r.nextBoolean() ? String.format("-%02d", 1 + r.nextInt(12)) : "");
        List<String> tags = List.of(TAGS[r.nextInt(TAGS.length)], TAGS[r.nextInt(TAGS.length)]).stream().distinct().toList();
        DocumentInfo info = new DocumentInfo(id, "synthetic/" + id + (paged ? ".pdf" : ".txt"), "Synthetic paper " + id, date,
                Resources.sha256(body), List.of("Author " + r.nextInt(400)), null, tags, paged ? "pdf" : "text", "eng", Map.of());
        pairCounts.clear();
        List<Integer> pageStarts = new ArrayList<>();
        if (paged) {
            for (int s = 0; s < n; s += 10) {
                pageStarts.add(s == 0 ? 0 : sentences.get(s).start());
            }
        }
        return new Document(info, body, pageStarts, sentences, entities, themes,
                EnumSet.of(Layer.SENTENCES, Layer.ENTITIES, Layer.THEMES), cooperation);
    }
}
