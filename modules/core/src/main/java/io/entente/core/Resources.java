package io.entente.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way Entente loads its knowledge files: a user's path when given, otherwise the copy of
 * {@code models/...} packaged on the classpath. Never the network.
 */
public final class Resources {
    private Resources() {
    }

    /** A loaded resource: where it came from (for messages) and its bytes. */
    public record Loaded(String origin, byte[] bytes) {
        public String text() {
            String s = new String(bytes, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }

        public String sha256() {
            return Resources.sha256(bytes);
        }
    }

    /**
     * Loads {@code userPath} when it is not null, else the classpath resource {@code classpathName}
     * (e.g. {@code models/codebooks/security-cooperation.json}).
     */
    public static Loaded load(Path userPath, String classpathName) {
        if (userPath != null) {
            try {
                return new Loaded(userPath.toString(), Files.readAllBytes(userPath));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + userPath + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(classpathName)) {
            if (in == null) {
                throw new IllegalStateException("resource not found on the classpath: " + classpathName);
            }
            return new Loaded("classpath:" + classpathName, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + classpathName, e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
