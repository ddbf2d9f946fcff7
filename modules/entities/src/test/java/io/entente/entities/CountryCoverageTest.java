package io.entente.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.util.UResourceBundle;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.tokenize.TokenizeStage;
import io.entente.tokenize.TokenizerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ISO 3166-1 entry is found, in a sentence, by its CLDR English name, its ISO short name and
 * (where the gazetteer has one) an abbreviation, and by no other code; plus the word-order,
 * punctuation and territory cases that tables and papers use.
 */
class CountryCoverageTest {
    private static final Path MODELS = Path.of("../../models");
    private static TokenizeStage tokenize;
    private static EntityStage entities;

    @BeforeAll
    static void load() {
        tokenize = new TokenizeStage(TokenizerConfig.defaults());
        entities = new EntityStage(EntityConfig.defaults());
    }

    private static Document analyze(String text) {
        return entities.process(tokenize.process(Document.of(new DocumentInfo("t", "t", null, null, "0"), text)));
    }

    /** The codes found in a sentence about the form, each with the text of its mentions. */
    private static Map<String, List<String>> found(String form) {
        Document d = analyze("On Monday, officials from " + form + " met their counterparts to discuss maritime security.");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Entity e : d.entities()) {
            if (e.type() == EntityType.COUNTRY) {
                out.put(e.code(), e.mentions().stream().map(Mention::text).toList());
            }
        }
        return out;
    }

    @Test
    void everyIsoCodeIsReachableByItsCldrNameIsoNameAndAbbreviationAndByNoOtherCode() throws Exception {
        UResourceBundle region = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, "en");
        Map<String, String> abbreviation = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MODELS.resolve("gazetteers/countries.tsv"), StandardCharsets.UTF_8)) {
            String[] c = line.split("\t");
            if (c.length == 7 && c[2].equals("abbreviation") && c[3].equals("-")) {
                abbreviation.putIfAbsent(c[0], c[1]);
            }
        }
        List<String> failures = new ArrayList<>();
        int codes = 0;
        for (String line : Files.readAllLines(MODELS.resolve("gazetteers/sources/iso-3166-1.tsv"), StandardCharsets.UTF_8)) {
            String[] c = line.split("\t");
            if (line.startsWith("#") || c[0].equals("alpha3")) {
                continue;
            }
            codes++;
            List<String> forms = new ArrayList<>(List.of(region.get("Countries").getString(c[1]), c[3]));
            if (abbreviation.containsKey(c[0])) {
                forms.add(abbreviation.get(c[0]));
            }
            for (String form : forms) {
                Map<String, List<String>> got = found(form);
                if (!got.keySet().equals(Set.of(c[0])) || !got.get(c[0]).equals(List.of(form))) {
                    failures.add(c[0] + " '" + form + "' -> " + got);
                }
            }
        }
        assertEquals(249, codes);
        assertEquals(List.of(), failures);
    }

    private static Set<String> codes(String text) {
        Set<String> out = new TreeSet<>();
        for (Entity e : analyze(text).entities()) {
            if (e.type() == EntityType.COUNTRY) {
                out.add(e.code());
            }
        }
        return out;
    }

    @Test
    void tableFormsOfTheTwoKoreasAndCongosAndTheEmirates() {
        for (String f : List.of("D.P.R. Korea", "Korea DPR", "Korea, North", "Korea, Dem. Rep.", "DPR Korea",
                "Korea, Democratic People's Republic of", "Korea (the Democratic People's Republic of)")) {
            assertEquals(Map.of("PRK", List.of(f)), found(f), f);
        }
        for (String f : List.of("Korea, South", "Korea, Rep.", "Korea, Republic of", "Rep. of Korea")) {
            assertEquals(Map.of("KOR", List.of(f)), found(f), f);
        }
        for (String f : List.of("DR Congo", "Dem Rep of the Congo", "Congo, Dem. Rep.", "Congo-Kinshasa",
                "Democratic Republic of the Congo", "Congo, The Democratic Republic of the")) {
            assertEquals(Map.of("COD", List.of(f)), found(f), f);
        }
        for (String f : List.of("Congo, Rep.", "Congo-Brazzaville", "Republic of the Congo")) {
            assertEquals(Map.of("COG", List.of(f)), found(f), f);
        }
        for (String f : List.of("Emirates", "United Arab Em.", "UAE")) {
            assertEquals(Map.of("ARE", List.of(f)), found(f), f);
        }
        assertEquals(Map.of("GNB", List.of("Guinea-Bissau")), found("Guinea-Bissau"));
        assertEquals(Map.of("BIH", List.of("Bosnia & Herzegovina")), found("Bosnia & Herzegovina"));
    }

    @Test
    void statisticalTablesFormsOfChinasTerritoriesTaiwanAndPalestineAreOneCode() {
        // World Bank, IMF, UN and APEC forms: the whole form names the territory, not also China.
        for (String f : List.of("Hong Kong, China", "Hong Kong SAR, China", "China, P.R.: Hong Kong")) {
            assertEquals(Map.of("HKG", List.of(f)), found(f), f);
        }
        for (String f : List.of("Macao, China", "Macao SAR, China", "China, P.R.: Macao")) {
            assertEquals(Map.of("MAC", List.of(f)), found(f), f);
        }
        for (String f : List.of("Taiwan, China", "Taiwan Province of China", "Chinese Taipei")) {
            assertEquals(Map.of("TWN", List.of(f)), found(f), f);
        }
        assertEquals(Map.of("CHN", List.of("China, P.R.: Mainland")), found("China, P.R.: Mainland"));
        for (String f : List.of("West Bank and Gaza", "Occupied Palestinian Territory", "Palestinian territories")) {
            assertEquals(Map.of("PSE", List.of(f)), found(f), f);
        }
        // Still two codes where a text names both.
        assertEquals(Set.of("CHN", "HKG"), codes("China and Hong Kong signed the accord."));
    }

    @Test
    void combiningFormsBeforeAHyphenNameTheCountryButCompoundsOfNoCountryDoNot() {
        assertEquals(Set.of("CHN", "JPN"), codes("Sino-Japanese relations worsened after the incident."));
        assertEquals(Set.of("FRA", "DEU"), codes("The Franco-German brigade was reviewed."));
        assertEquals(Set.of("GBR", "USA"), codes("Anglo-American intelligence sharing grew."));
        assertEquals(Set.of("RUS", "UKR"), codes("Russo-Ukrainian talks stalled."));
        assertEquals(Set.of("IND", "PAK"), codes("Indo-Pakistani tensions rose again."));
        assertEquals(Set.of("CHN", "SUN"), codes("The Sino-Soviet split reshaped the region."));
        // Regions, peoples and named wars: no country.
        assertEquals(Set.of(), codes("The Indo-Pacific strategy and Anglo-Saxon law were discussed."));
        assertEquals(Set.of(), codes("The Sino-Japanese War ended in 1895."));
        // The combining form needs its hyphen: a person named Franco is no France.
        assertEquals(Set.of(), codes("Francisco Franco ruled for decades."));
    }

    @Test
    void anAmbiguousNameBeforeItsPossessiveAndATitleIsTheState() {
        assertEquals(Set.of("JOR", "EGY"), codes("Egypt's president hosted Jordan's King Abdullah II in the capital."));
        assertEquals(Set.of("GEO", "TCD"), codes("Georgia's President met Chad's Foreign Minister on Monday."));
        assertEquals(Set.of(), codes("Jordan's goals were praised, and Michael Jordan's team won."));
    }

    @Test
    void aCommaFormGivesWayWhenTheWordsAfterTheCommaNameAnotherCountry() {
        assertEquals(Set.of("KOR", "PRK", "JPN"), codes("Japan, Korea, North Korea and their neighbours met."));
        assertEquals(Set.of("CHN", "KOR"), codes("Delegates of China, Republic of Korea and others met."));
        assertEquals(Set.of("CHN", "TWN"), codes("The delegates of China, Republic of China and others met."));
    }

    @Test
    void theArticleAndPossessivesDoNotChangeTheCode() {
        assertEquals(Set.of("GMB", "COD"), codes("The Gambia's envoy and the Democratic Republic of the Congo's envoy met."));
        assertEquals(Set.of("PRK"), codes("North Korea’s missile test alarmed the region."));
    }

    @Test
    void territoriesKeepTheirOwnCodeAndNameTheirSovereign() {
        Document d = analyze("Officials from Hong Kong, Macau, Puerto Rico, Guam, Greenland, the US Virgin Islands "
                + "and French Guiana joined the talks in Beijing.");
        Map<String, String> sovereign = new LinkedHashMap<>();
        for (Entity e : d.entities()) {
            if (e.type() == EntityType.COUNTRY) {
                sovereign.put(e.code(), e.kind() + ":" + e.sovereign());
            }
        }
        assertEquals(Map.of("HKG", "territory:CHN", "MAC", "territory:CHN", "PRI", "territory:USA", "GUM", "territory:USA",
                "GRL", "territory:DNK", "VIR", "territory:USA", "GUF", "territory:FRA", "CHN", "state:null"), sovereign);
        Entity hk = d.entities().stream().filter(e -> "HKG".equals(e.code())).findFirst().orElseThrow();
        assertEquals("territory", hk.mentions().get(0).form());
        Entity cn = d.entities().stream().filter(e -> "CHN".equals(e.code())).findFirst().orElseThrow();
        assertEquals("capital", cn.mentions().get(0).form());
        assertEquals("CHN", hk.code(true));
        assertEquals("HKG", hk.code(false));
    }

    @Test
    void mentionsSayWhichKindOfFormNamedTheCountry() {
        Document d = analyze("Seoul and the ROK government, South Korean officials and the Republic of Korea agreed.");
        List<String> forms = d.entities().stream().filter(e -> "KOR".equals(e.code())).findFirst().orElseThrow()
                .mentions().stream().map(Mention::form).toList();
        assertEquals(List.of("capital", "abbreviation", "demonym", "official"), forms);
        assertTrue(d.entities().stream().filter(e -> e.type() != EntityType.COUNTRY)
                .allMatch(e -> e.mentions().stream().allMatch(m -> m.form() == null)));
    }
}
