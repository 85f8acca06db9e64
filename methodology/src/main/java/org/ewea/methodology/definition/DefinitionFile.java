package org.ewea.methodology.definition;

import java.nio.charset.StandardCharsets;

/**
 * One definition file's text and where it came from.
 *
 * @param name its name, e.g. {@code taxonomy.yaml}
 * @param origin where it was read from (a path, or {@code classpath:...} for the defaults)
 * @param text its content
 */
public record DefinitionFile(String name, String origin, String text) {

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An error at the line of the list entry whose {@code key} is {@code value}. */
    public DefinitionException errorAt(String key, String value, String reason) {
        return new DefinitionException(origin, YamlErrorLines.lineOfEntry(text, key, value), reason);
    }

    /** An error about the file as a whole. */
    public DefinitionException error(String reason) {
        return new DefinitionException(origin, -1, reason);
    }
}
