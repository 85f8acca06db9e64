package org.ewea.collectors.source;

import java.util.Map;

/** A source description is invalid; {@link #errors()} says what is wrong with which field. */
public class InvalidSourceException extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidSourceException(Map<String, String> errors) {
        super(String.join(
                "; ",
                errors.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .toList()));
        this.errors = Map.copyOf(errors);
    }

    /** Message by field name. */
    public Map<String, String> errors() {
        return errors;
    }
}
