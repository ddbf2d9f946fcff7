package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.entente.core.Resources;
import io.entente.entities.EntityConfig;
import io.entente.themes.ThemeConfig;
import io.entente.tokenize.TokenizerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdentityTest {
    @TempDir
    Path tmp;

    @Test
    void upstreamAndThemeChangesAreToldApart() throws Exception {
        RunIdentity base = RunIdentity.of(PipelineConfig.defaults(), Map.of());
        assertEquals(base, RunIdentity.of(PipelineConfig.defaults(), Map.of()), "deterministic");
        assertEquals(base, RunIdentity.parse(base.toTsv()));

        Path orgs = tmp.resolve("organizations.tsv");
        Files.writeString(orgs, Resources.load(null, "models/gazetteers/organizations.tsv").text() + "\n");
        EntityConfig d = EntityConfig.defaults();
        PipelineConfig otherOrgs = new PipelineConfig(TokenizerConfig.defaults(),
                new EntityConfig(d.countries(), d.regions(), orgs, d.titles(), d.functionWords(), d.orgHeads(), d.nonEntities(), d.nerModel()),
                ThemeConfig.defaults());
        RunIdentity changed = RunIdentity.of(otherOrgs, Map.of());
        assertNotEquals(base.upstreamSha256(), changed.upstreamSha256());
        assertEquals(base.themesSha256(), changed.themesSha256());
        assertEquals(List.of("gazetteers/organizations.tsv"), changed.changedSince(concat(base)));

        Path modality = tmp.resolve("modality.tsv");
        Files.writeString(modality, Resources.load(null, "models/themes/modality.tsv").text() + "\n");
        RunIdentity themes = RunIdentity.of(PipelineConfig.defaults().withThemes(new ThemeConfig(null, null, modality)), Map.of());
        assertEquals(base.upstreamSha256(), themes.upstreamSha256());
        assertNotEquals(base.themesSha256(), themes.themesSha256());

        RunIdentity option = RunIdentity.of(PipelineConfig.defaults(), Map.of("encoding", "windows-1252"));
        assertNotEquals(base.upstreamSha256(), option.upstreamSha256());
        assertEquals(List.of("option:encoding"), option.changedSince(concat(base)));
    }

    private static List<RunIdentity.Component> concat(RunIdentity id) {
        List<RunIdentity.Component> all = new java.util.ArrayList<>(id.upstream());
        all.addAll(id.themes());
        return all;
    }
}
