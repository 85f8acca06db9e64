package org.ewea.methodology.definition;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The line a YAML binding error is about. Jackson's YAML parser reports where it stopped reading, which for an unknown
 * key is after its value (often the next line); for that case the key's own line is found by searching back.
 */
public final class YamlErrorLines {

    private YamlErrorLines() {}

    /** 1-based line number, or -1 when unknown. */
    public static int lineOf(JacksonException error, String yaml) {
        int reported = error.getLocation() == null ? -1 : error.getLocation().getLineNr();
        if (!(error instanceof UnrecognizedPropertyException unknown) || reported < 1) {
            return reported;
        }
        String[] lines = yaml.split("\\R", -1);
        Pattern key = Pattern.compile(
                "^\\s*(-\\s+)?[\"']?" + Pattern.quote(String.valueOf(unknown.getPropertyName())) + "[\"']?\\s*:.*");
        for (int line = Math.min(reported, lines.length); line >= 1; line--) {
            if (key.matcher(lines[line - 1]).matches()) {
                return line;
            }
        }
        return reported;
    }

    /**
     * The 1-based line of the list entry whose {@code key} has this {@code value} (e.g. {@code - id: voice-cloning}),
     * or -1. Used to point semantic errors (an unknown reference, a duplicate id) at the entry they are about.
     */
    public static int lineOfEntry(String yaml, String key, String value) {
        Pattern entry = Pattern.compile(
                "^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:\\s*[\"']?" + Pattern.quote(value) + "[\"']?\\s*(#.*)?$");
        String[] lines = yaml.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (entry.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return -1;
    }
}
