package org.ewea.methodology.definition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks for required values, failing with the file, the entry's line and the path of the missing key. */
record Required(DefinitionFile file, String key, String entry) {

    /** Checks scoped to the list entry whose {@code key} (e.g. "id") is {@code entry}. */
    static Required in(DefinitionFile file, String key, @Nullable String entry) {
        return new Required(file, key, entry == null ? "" : entry);
    }

    String text(@Nullable String value, String path) {
        if (value == null || value.isBlank()) {
            throw fail(path + " is required");
        }
        return value.strip();
    }

    <T> List<T> list(@Nullable List<T> value, String path) {
        if (value == null || value.isEmpty()) {
            throw fail(path + " must list at least one value");
        }
        return value;
    }

    <T> T value(@Nullable T value, String path) {
        if (value == null) {
            throw fail(path + " is required");
        }
        return value;
    }

    DefinitionException fail(String reason) {
        return entry.isEmpty()
                ? file.error(reason)
                : file.errorAt(
                        key, entry, (key.equals("id") ? "'" + entry + "': " : key + " " + entry + ": ") + reason);
    }

    static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
