package org.ewea.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses the values requests carry (ISO dates, enum names in any case) into their types, answering a 400 that names
 * the parameter or body field and says what a valid value looks like.
 */
public final class RequestValues {

    private RequestValues() {}

    /** An ISO date query parameter; null when absent. */
    public static @Nullable LocalDate dayParameter(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, value, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    /** An ISO date body field; null when absent. */
    public static @Nullable LocalDate dayField(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    /** An ISO instant body field, e.g. {@code 2025-03-05T12:00:00Z}. */
    public static Instant instantField(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be an ISO instant (yyyy-MM-ddTHH:mm:ssZ)");
        }
    }

    /** An enum constant named by a query parameter, in any case. */
    public static <E extends Enum<E>> E enumParameter(Class<E> type, String name, String value) {
        E found = find(type, value);
        if (found == null) {
            throw ApiProblem.invalidParameter(
                    name, value, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return found;
    }

    /** An enum constant named by a body field, in any case. */
    public static <E extends Enum<E>> E enumField(Class<E> type, String name, String value) {
        E found = find(type, value);
        if (found == null) {
            throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return found;
    }

    private static <E extends Enum<E>> @Nullable E find(Class<E> type, String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(wanted))
                .findFirst()
                .orElse(null);
    }
}
