package io.entente.cli;

/** A configuration problem (bad codebook, bad option value): exit status 2. */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
