package io.entente.cli;

import java.util.Arrays;

/** Sets SLF4J simple logger defaults before any logger exists: warnings only, on stderr. */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // PDFBox warns about every substituted standard font, POI about recoverable XML: the reader reports real problems.
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.pdfbox", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.fontbox", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.poi", "error");
        // DJL's tokenizer looks for a GPU it never uses (the encoders run on ONNX Runtime's CPU) and warns when none is found.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
