package io.entente.entities;

import static io.entente.entities.EntityStageTest.analyze;
import static io.entente.entities.EntityStageTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.KnowledgeFileException;
import io.entente.core.Mention;
import io.entente.core.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules that turn tagger spans into people and organizations, on sentences written for the tests. */
class EntityRulesTest {
    @BeforeAll
    static void load() {
        EntityStageTest.load();
    }

    private static List<String> mentions(Document d, EntityType type) {
        return d.entities().stream().filter(e -> e.type() == type).flatMap(e -> e.mentions().stream())
                .map(Mention::text).toList();
    }

    @Test
    void aCountryInsideAnOrganizationsNameIsNotACountryMention() {
        Document d = analyze("The Korea Institute for Defense Analyses published a long study on maritime patrols.");
        assertTrue(names(d, EntityType.ORGANIZATION).contains("Korea Institute for Defense Analyses"), d.entities().toString());
        assertFalse(names(d, EntityType.COUNTRY).contains("KOR"), d.entities().toString());
    }

    @Test
    void aDescriptiveBodyKeepsItsCountry() {
        Document d = analyze("The Japanese embassy issued a statement on the visit.");
        assertTrue(names(d, EntityType.ORGANIZATION).contains("Japanese embassy"), d.entities().toString());
        assertTrue(names(d, EntityType.COUNTRY).contains("JPN"));
    }

    @Test
    void possessivesInitialsAndHyphenatedGivenNamesBelongToThePerson() {
        Document d = analyze("Envoys of Donald Trump’s team met Indonesian President B.J. Habibie in Jakarta.");
        List<String> people = mentions(d, EntityType.PERSON);
        assertTrue(people.contains("Donald Trump"), people.toString());
        assertTrue(people.contains("B.J. Habibie"), people.toString());
        Document k = analyze("South Korean Foreign Minister Kang Kyung-wha told reporters that the talks went well.");
        assertTrue(mentions(k, EntityType.PERSON).contains("Kang Kyung-wha"), k.entities().toString());
    }

    @Test
    void agreementsPlansAndPostsAreNotOrganizations() {
        Document d = analyze("Secretary of State Antony Blinken said the Visiting Forces Agreement and the Merida "
                + "Initiative would be reviewed.");
        Set<String> orgs = names(d, EntityType.ORGANIZATION);
        assertFalse(orgs.contains("State"), orgs.toString());
        assertTrue(orgs.stream().noneMatch(o -> o.contains("Agreement") || o.contains("Initiative") || o.contains("Forces")),
                orgs.toString());
        assertTrue(names(d, EntityType.PERSON).contains("Antony Blinken"));
    }

    @Test
    void wordsBeforeAnAcronymThatSpellItAreAnOrganization() {
        Document d = analyze("Ministers of the Caribbean Community (CARICOM) met in Kingston, and CARICOM later agreed.");
        Entity caricom = d.entities().stream().filter(e -> e.type() == EntityType.ORGANIZATION).findFirst().orElseThrow();
        assertEquals("Caribbean Community", caricom.canonical());
        assertEquals(List.of("Caribbean Community", "CARICOM", "CARICOM"), caricom.mentions().stream().map(Mention::text).toList());
    }

    @Test
    void ordinalsDoNotMakeAnotherCongress() {
        Document d = analyze("The 119th Congress passed the bill, and Congress later amended it.");
        assertEquals(Set.of("Congress"), names(d, EntityType.ORGANIZATION));
    }

    @Test
    void shipsPlacesAndLoneWordsWithoutTitleOrVerbAreNotPeople() {
        Document d = analyze("The destroyer USS John Paul Jones sailed past the coast. Tremors shook Yamaguchi prefecture.");
        assertEquals(Set.of(), names(d, EntityType.PERSON));
        Document lone = analyze("After Brexit, trade with the continent changed.");
        assertEquals(Set.of(), names(lone, EntityType.PERSON));
    }

    @Test
    void aLoneNameIsAPersonAfterAnAuxiliaryBeforeAPersonNounOrInApposition() {
        Document aux = analyze("The talks stalled in March. Mendoza has accused the port authority of delay.");
        assertEquals(Set.of("Mendoza"), names(aux, EntityType.PERSON));
        Document noun = analyze("Observers expected little from the Harrison administration on trade.");
        assertEquals(Set.of("Harrison"), names(noun, EntityType.PERSON));
        Document possessive = analyze("Critics argue that Okafor’s predecessor did more for the harbour.");
        assertEquals(Set.of("Okafor"), names(possessive, EntityType.PERSON));
        Document apposition = analyze("Lindqvist, the former defence minister, rejected the plan outright.");
        assertEquals(Set.of("Lindqvist"), names(apposition, EntityType.PERSON));
        // an auxiliary before a verb that is not one of speech or action shows nothing
        Document thing = analyze("Tomodachi will be remembered for the relief it brought.");
        assertEquals(Set.of(), names(thing, EntityType.PERSON));
    }

    @Test
    void partyNamesBeforeOrAfterALowerCasePartyAndTitlesAfterAndAreOrganizations() {
        Document d = analyze("Voters in the north backed the Order and Renewal party in the spring vote.\n"
                + "Later the party \u201cHope and Work\u201d gained two seats.\n"
                + "Supporters of Unity and Justice (UiS) marched in the capital.");
        assertEquals(Set.of("Order and Renewal", "Hope and Work", "Unity and Justice"), names(d, EntityType.ORGANIZATION));
    }

    @Test
    void aNameAfterOfTheIsNotMergedIntoTheBodyItBelongsTo() {
        Document d = analyze("The European Union (EU) sent observers. The Council of the European Union, which speaks "
                + "for the governments, agreed.");
        assertEquals(Set.of("European Union", "Council of the European Union"), names(d, EntityType.ORGANIZATION));
    }

    @Test
    void hyphenatedWordsCutByTheTokenizerStayOneWord() {
        Document d = analyze("The meeting with President Han Suk-min of South Korea marks a new stage.\n"
                + "The summit between President Lee Sang-hoon and his guests began on Monday.");
        assertEquals(Set.of("Han Suk-min", "Lee Sang-hoon"), names(d, EntityType.PERSON));
        Document org = analyze("Japan\u2019s Maritime Self-Defense Force\u2019s withdrawal from the review surprised Seoul.");
        assertEquals(Set.of("Maritime Self-Defense Force"), names(org, EntityType.ORGANIZATION));
        Document place = analyze("Visitors to Shin-Okubo could be forgiven for thinking nothing had changed.");
        assertEquals(Set.of(), names(place, EntityType.PERSON));
    }

    @Test
    void religionsRegionsAndCeasefireLinesAreNotOrganizations() {
        Document d = analyze("Crossings opened along the Line of Control, the ceasefire line that divides the valley.\n"
                + "Opening the border in predominantly Muslim Kashmir is sensitive.\n"
                + "Protesters said Islam\u2019s holy book must be respected.");
        assertEquals(Set.of(), names(d, EntityType.ORGANIZATION));
    }

    @Test
    void aNonEntitiesFileWithAnUnknownKindIsRefusedWithFileAndLine() {
        Resources.Loaded bad = new Resources.Loaded("n.tsv", "word\tkind\nTreaty\tagreement\n".getBytes(StandardCharsets.UTF_8));
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> NameKnowledge.load(
                Resources.load(null, NameKnowledge.TITLES), Resources.load(null, NameKnowledge.FUNCTION_WORDS),
                Resources.load(null, NameKnowledge.ORG_HEADS), Resources.load(null, NameKnowledge.ORGANIZATIONS), bad));
        assertTrue(e.getMessage().startsWith("n.tsv:2:"), e.getMessage());
    }
}
