package io.entente.engine;

/**
 * The run's configuration is unusable (a malformed codebook, a knowledge file that does not parse, a
 * model that does not fit): nothing was analyzed. Command lines turn it into their usage exit code.
 */
public final class ConfigurationError extends RuntimeException {
    public ConfigurationError(String message, Throwable cause) {
        super(message, cause);
    }
}
