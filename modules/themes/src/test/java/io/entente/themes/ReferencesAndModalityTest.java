package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Modality;
import io.entente.core.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The packaged reference and modality phrase lists, and how their files are validated. */
class ReferencesAndModalityTest {
    private static final References REFS = References.load(null);
    private static final ModalityCues MODALITY = ModalityCues.load(null);

    private static Set<References.Refers> refs(String s) {
        return REFS.find(s, 0, s.length());
    }

    private static Modality modality(String s) {
        return MODALITY.of(s, 0, s.length());
    }

    private static Resources.Loaded file(String name, String text) {
        return new Resources.Loaded(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsPairGroupAndAllyReferences() {
        assertEquals(Set.of(References.Refers.PAIR), refs("Both sides agreed to resume the talks."));
        assertEquals(Set.of(References.Refers.PAIR), refs("The two governments distrust each other."));
        assertEquals(Set.of(References.Refers.PAIR), refs("Bilateral ties soured after the ruling."));
        assertEquals(Set.of(References.Refers.GROUP), refs("The three countries held a drill off the coast."));
        assertEquals(Set.of(References.Refers.ALLY, References.Refers.PAIR),
                refs("Their common ally pressed the two neighbours to settle."));
        assertEquals(Set.of(), refs("Two countries in Europe sent observers."));
        assertEquals(List.of("the two countries"), REFS.phrases("Trade between the two countries grew."));
    }

    @Test
    void aCapitalizedMatchInsideASentenceIsANameNotAReference() {
        assertEquals(Set.of(), refs("Veterans of the Allies gathered in Normandy."));
        assertEquals(Set.of(References.Refers.PAIR), refs("The allies met again."));
    }

    @Test
    void recommendationsHypothesesAndStatements() {
        assertEquals(Modality.RECOMMENDED, modality("Tokyo and Seoul should restore the intelligence pact."));
        assertEquals(Modality.RECOMMENDED, modality("We recommend a standing hotline between the navies."));
        assertEquals(Modality.RECOMMENDED, modality("It is imperative that the allies share radar data."));
        assertEquals(Modality.RECOMMENDED, modality("The report calls for regular defense talks."));
        assertEquals(Modality.HYPOTHETICAL, modality("A collapse in the north could draw both armies in."));
        assertEquals(Modality.HYPOTHETICAL, modality("Will the pact survive the election?"));
        assertEquals(Modality.HYPOTHETICAL, modality("Nobody knows whether the talks will resume."));
        assertEquals(Modality.STATED, modality("The ministers signed the pact in May 2019."));
        assertEquals(Modality.STATED, modality("The navies held a joint exercise last week."));
    }

    @Test
    void hypotheticalOutranksRecommended() {
        assertEquals(Modality.HYPOTHETICAL, modality("If the talks fail, both sides should keep the hotline open."));
        assertEquals(Modality.HYPOTHETICAL, modality("Should the allies restore the pact?"));
    }

    @Test
    void badReferenceFilesNameFileLineAndProblem() {
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> References.parse(
                file("refs.tsv", "# comment\nphrase\trefers\nboth sides\tpair\nthe four\tquartet\n")));
        assertEquals("refs.tsv:4: refers must be pair, group or ally, not 'quartet'", e.getMessage());
        e = assertThrows(KnowledgeFileException.class, () -> References.parse(
                file("refs.tsv", "phrase\trefers\nBoth Sides\tpair\n")));
        assertTrue(e.getMessage().startsWith("refs.tsv:2: phrase 'Both Sides' must be lower-case words"), e.getMessage());
        e = assertThrows(KnowledgeFileException.class, () -> References.parse(
                file("refs.tsv", "phrase\trefers\nboth sides\tpair\nboth sides\tgroup\n")));
        assertEquals("refs.tsv:3: phrase 'both sides' is already listed on line 2", e.getMessage());
        e = assertThrows(KnowledgeFileException.class, () -> References.parse(file("refs.tsv", "phrase\tmeaning\n")));
        assertTrue(e.getMessage().startsWith("refs.tsv:1: header must be 'phrase<TAB>refers'"), e.getMessage());
    }

    @Test
    void badModalityFilesNameFileLineAndProblem() {
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> ModalityCues.parse(
                file("mod.tsv", "phrase\tmodality\nshould\trecommended\nnot\tnegated\n")));
        assertTrue(e.getMessage().startsWith("mod.tsv:3: 'negated' is not listed here"), e.getMessage());
        e = assertThrows(KnowledgeFileException.class, () -> ModalityCues.parse(
                file("mod.tsv", "phrase\tmodality\nshould\tadvised\n")));
        assertEquals("mod.tsv:2: modality must be recommended or hypothetical, not 'advised'", e.getMessage());
        ModalityCues custom = ModalityCues.parse(file("mod.tsv", "phrase\tmodality\nperhaps\thypothetical\n"));
        assertEquals(Modality.HYPOTHETICAL, custom.of("Perhaps the pact returns.", 0, 25));
        assertEquals(Modality.STATED, custom.of("The pact should return.", 0, 23));
    }
}
