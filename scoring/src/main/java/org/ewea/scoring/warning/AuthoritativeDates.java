package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When subjects became authoritative threats: the label of the early-warning model (for a CVE the day CISA added it
 * to the Known Exploited Vulnerabilities catalogue; for an ATT&CK group or software the day its entry was created).
 *
 * @param bySeries series id ({@code cve:CVE-2026-1234}) to the day it became authoritative
 * @param source what the dates are, for the model file
 */
public record AuthoritativeDates(Map<String, LocalDate> bySeries, String source) {

    public AuthoritativeDates {
        bySeries = Map.copyOf(bySeries);
    }

    public Optional<LocalDate> of(String series) {
        return Optional.ofNullable(bySeries.get(series));
    }

    /** Only the dates on or before {@code day}: what was known that day. */
    public AuthoritativeDates knownAt(LocalDate day) {
        Map<String, LocalDate> known = new HashMap<>();
        bySeries.forEach((series, date) -> {
            if (!date.isAfter(day)) {
                known.put(series, date);
            }
        });
        return new AuthoritativeDates(known, source);
    }
}
