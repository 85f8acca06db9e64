package org.ewea.api.scoring;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.ewea.api.web.ApiProblem;
import org.ewea.scoring.signal.SignalRepository;
import org.jspecify.annotations.Nullable;

/**
 * The day an endpoint looks from: the {@code asOf} asked (an ISO date, not in the future), else today, or the last
 * day with stored items when that is earlier (a replay or an install that stopped collecting shows its last
 * picture).
 */
final class AsOfDay {

    private AsOfDay() {}

    /** Checks the parameter on the request thread; null when not given. */
    static @Nullable LocalDate parse(@Nullable String value, InstantSource clock) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
                throw ApiProblem.invalidParameter("asOf", value, "is in the future");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter("asOf", value, "is not an ISO date (yyyy-MM-dd)");
        }
    }

    /** The day to use (reads the store: call it on the store pool). */
    static LocalDate resolve(@Nullable LocalDate asked, SignalRepository signals, InstantSource clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return asked != null ? asked : signals.pictureDay(today);
    }
}
