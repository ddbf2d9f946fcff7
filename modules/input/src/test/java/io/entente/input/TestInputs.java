package io.entente.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Input files the reader tests write into their temporary folder. */
final class TestInputs {
    private TestInputs() {
    }

    /** Writes {@code bytes} to {@code dir/name} and returns it as an input with the id Entente would give it. */
    static InputFiles.InputFile write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return new InputFiles.InputFile(p, InputFiles.idFor(p));
    }

    static InputFiles.InputFile write(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }
}
