package io.entente.report.model;

import java.io.IOException;

/**
 * A report or corpus summary that cannot be read: not JSON, or JSON that is not the report format.
 * The message names the file, then what is wrong and where ({@code document.date: '2019-02-30' is
 * not a calendar date}).
 */
public final class ReportFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    ReportFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file, as given to the reader. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name: "malformed report: themes[0].score is missing or null". */
    public String problem() {
        return problem;
    }
}
