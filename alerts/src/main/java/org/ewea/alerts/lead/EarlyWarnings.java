package org.ewea.alerts.lead;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.Subject;
import org.ewea.methodology.Clearance;
import org.jspecify.annotations.Nullable;

/**
 * The alerts that warned of a subject before the authoritative record held it, with their lead: what EW/EA is for,
 * measured on every alert it raised. An alert on a subject the record already held when it was raised is a known
 * threat, not an early warning, and is left out; so are collection gaps. Blocks (reads alerts and the record).
 */
public final class EarlyWarnings {

    /**
     * One early warning.
     *
     * @param alert the alert
     * @param warnedOn the day it was raised (UTC; a replay's simulated day)
     * @param authoritative the subject's entry in the record, once it entered it
     * @param leadDays days from the warning to the record's entry, when it entered it
     */
    public record Warning(
            Alert alert,
            LocalDate warnedOn,
            AuthoritativeRecord.@Nullable Entry authoritative,
            @Nullable Long leadDays) {

        /** Whether the record later confirmed it. */
        public boolean confirmed() {
            return authoritative != null;
        }
    }

    private final AlertRepository alerts;
    private final AuthoritativeRecord record;

    public EarlyWarnings(AlertRepository alerts, AuthoritativeRecord record) {
        this.alerts = alerts;
        this.record = record;
    }

    /**
     * The early warnings a reader may read: confirmed ones first, longest lead first, then the unconfirmed, newest
     * first.
     *
     * @param confirmedOnly only those the record later confirmed
     */
    public List<Warning> readBy(Clearance reader, boolean confirmedOnly) {
        List<Alert> readable = alerts.all(reader).stream()
                .filter(a -> !a.subject().kind().equals("source"))
                .toList();
        Map<String, AuthoritativeRecord.Entry> entries =
                record.of(readable.stream().map(Alert::subject).collect(Collectors.toSet()), reader);
        // one warning per subject: its first alert
        Map<Subject, Alert> first = readable.stream()
                .collect(Collectors.toMap(
                        Alert::subject, a -> a, (a, b) -> a.raisedAt().isAfter(b.raisedAt()) ? b : a));
        return first.values().stream()
                .map(a -> {
                    LocalDate warned = LocalDate.ofInstant(a.raisedAt(), ZoneOffset.UTC);
                    AuthoritativeRecord.Entry entry = entries.get(a.subject().id());
                    return new Warning(
                            a, warned, entry, entry == null ? null : ChronoUnit.DAYS.between(warned, entry.since()));
                })
                .filter(w -> w.leadDays() == null || w.leadDays() > 0)
                .filter(w -> !confirmedOnly || w.confirmed())
                .sorted(Comparator.comparing((Warning w) -> !w.confirmed())
                        .thenComparing(w -> w.leadDays() == null ? 0 : -w.leadDays())
                        .thenComparing(Warning::warnedOn, Comparator.reverseOrder())
                        .thenComparing(w -> w.alert().id()))
                .toList();
    }
}
