package io.entente.store;

import java.io.IOException;

/**
 * The store could not be updated or read: a report that cannot be loaded (the message names the
 * file), or a database error. When {@link CorpusStore#update} throws it, the database holds what
 * it held before the call.
 */
public class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
