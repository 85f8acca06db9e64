package org.ewea.collectors.mirror;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;

/** The date a profile finds in a file's name (without its extension). */
final class MirrorDates {

    private MirrorDates() {}

    static Optional<LocalDate> of(MirrorProfile profile, String fileName) {
        if (profile.fileNameDate() == null) {
            return Optional.empty();
        }
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Matcher m = profile.fileNameDate().matcher(stem);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group("year")),
                    Integer.parseInt(m.group("month")),
                    Integer.parseInt(m.group("day"))));
        } catch (RuntimeException e) {
            return Optional.empty(); // e.g. 20231399: digits, but not a date
        }
    }

    /** A dated file's item is published at the start of its day and captured at its end (UTC). */
    static Instant published(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Instant captured(LocalDate date) {
        return date.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }
}
