package io.entente.interop;

import io.entente.core.Resources;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.CodebookLoader;
import io.entente.themes.CodebookWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Entente's own codebook JSON, so that import and export can start or end in it like any other format. */
public final class EntenteFormat implements CodebookFormat {
    @Override
    public String name() {
        return "entente";
    }

    @Override
    public String description() {
        return "Entente codebook JSON (models/codebooks/*.json)";
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public int detect(String fileName, byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return head.startsWith("{") ? 2 : 0;
    }

    @Override
    public Imported read(Resources.Loaded file, PolarityMap polarities) {
        try {
            return new Imported(CodebookLoader.parse(file), List.of());
        } catch (CodebookException e) {
            String m = e.getMessage();
            String prefix = "codebook " + file.origin() + ": ";
            throw new InteropException(file.origin(), "", m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
        }
    }

    @Override
    public Exported write(Codebook codebook) {
        return new Exported(CodebookWriter.write(codebook), List.of());
    }
}
