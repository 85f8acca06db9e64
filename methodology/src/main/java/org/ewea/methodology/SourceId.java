package org.ewea.methodology;

import java.util.regex.Pattern;

/** The stable id of a source in the catalogue: lower-case letters, digits, '-', '_' and '.', 1 to 100 characters. */
public record SourceId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public SourceId {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid source id '" + value
                    + "': use 1-100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
