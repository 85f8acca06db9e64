package org.ewea.methodology.authority;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When authorities warned of each taxonomy technology: the record a technology's novelty is judged against. A
 * technology is known from its first warning on; before it (or without any), a rise in mentions is news.
 */
public final class AuthorityWarnings {

    private final List<AuthorityWarning> all;
    private final Map<String, AuthorityWarning> first = new HashMap<>();

    public AuthorityWarnings(List<AuthorityWarning> warnings) {
        this.all = List.copyOf(warnings);
        for (AuthorityWarning w : all) {
            first.merge(w.technology(), w, (a, b) -> b.date().isBefore(a.date()) ? b : a);
        }
    }

    public static AuthorityWarnings none() {
        return new AuthorityWarnings(List.of());
    }

    /** Every warning listed, in file order. */
    public List<AuthorityWarning> all() {
        return all;
    }

    /** The earliest warning of the technology, if any is listed. */
    public Optional<AuthorityWarning> first(String technology) {
        return Optional.ofNullable(first.get(technology));
    }

    /** The earliest warning of the technology if it was given on or before {@code day}. */
    public Optional<AuthorityWarning> knownOn(String technology, LocalDate day) {
        return first(technology).filter(w -> !w.date().isAfter(day));
    }

    /** The day of each technology's earliest warning, by technology id. */
    public Map<String, LocalDate> firstDays() {
        Map<String, LocalDate> days = new HashMap<>();
        first.forEach((id, w) -> days.put(id, w.date()));
        return days;
    }

    /** The technologies' earliest warnings, oldest first. */
    public List<AuthorityWarning> firsts() {
        return first.values().stream()
                .sorted(Comparator.comparing(AuthorityWarning::date).thenComparing(AuthorityWarning::technology))
                .toList();
    }
}
