package org.ewea.methodology.definition;

/** A methodology definition file is invalid. The message names the file, the line where known, and the reason. */
public class DefinitionException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public DefinitionException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    public DefinitionException(String file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file, as a path or {@code classpath:} location. */
    public String file() {
        return file;
    }

    /** 1-based line number, or -1 when it cannot be told. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
