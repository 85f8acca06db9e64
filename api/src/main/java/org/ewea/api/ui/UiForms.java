package org.ewea.api.ui;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** Reading the UI's form fields. */
final class UiForms {

    private UiForms() {}

    /** The field's value without surrounding blanks; null when absent or blank. */
    static @Nullable String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
