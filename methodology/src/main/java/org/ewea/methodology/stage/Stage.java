package org.ewea.methodology.stage;

/**
 * A stage of an emerging threat.
 *
 * @param id {@code weak-signal}, {@code emerging}, {@code established} or {@code declining}
 * @param name human name
 * @param description what it means for analysts
 */
public record Stage(String id, String name, String description) {}
