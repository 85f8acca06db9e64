package org.ewea.alerts.lead;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ewea.alerts.alert.Subject;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.authority.AuthorityWarnings;

/**
 * When a subject entered the authoritative record: a taxonomy technology the day authorities first warned of it
 * (the methodology's {@code authority-warnings.yaml}), a CVE the day an authoritative source (the CISA KEV feed) first
 * mentioned it in the store, an ATT&CK group or piece of software the day ATT&CK created its entry; a novel name the
 * day ATT&CK created a group or software of that name or alias (compared without case, spaces or punctuation, so
 * {@code BlackBasta} is {@code Black Basta}).
 */
public final class AuthoritativeRecord {

    /**
     * One entry of the record.
     *
     * @param record which record ({@code CISA KEV}, {@code MITRE ATT&CK})
     * @param id its id there ({@code CVE-2025-1234}, {@code S0575})
     * @param name its name there
     * @param since the day it entered the record
     */
    public record Entry(String record, String id, String name, LocalDate since) {}

    static final String KEV = "CISA KEV";
    static final String ATTACK = "MITRE ATT&CK";

    private final Function<Clearance, Map<String, LocalDate>> authoritativeMentions;
    private final Map<String, Entry> attackBySeries = new HashMap<>();
    private final Map<String, Entry> attackByName = new HashMap<>();
    private final AuthorityWarnings authorities;

    /**
     * @param authoritativeMentions the day each series was first mentioned by an authoritative source in the items a
     *     reader may read (read when asked: the store grows)
     * @param attack ATT&CK groups and software with their {@code created} days
     */
    public AuthoritativeRecord(Function<Clearance, Map<String, LocalDate>> authoritativeMentions, AttackNames attack) {
        this(authoritativeMentions, attack, AuthorityWarnings.none());
    }

    /** @param authorities when authorities first warned of each technology */
    public AuthoritativeRecord(
            Function<Clearance, Map<String, LocalDate>> authoritativeMentions,
            AttackNames attack,
            AuthorityWarnings authorities) {
        this.authoritativeMentions = authoritativeMentions;
        this.authorities = authorities;
        for (AttackNames.Name n : attack.names()) {
            if (n.created() == null) {
                continue;
            }
            Entry entry = new Entry(ATTACK, n.attackId(), n.name(), n.created());
            attackBySeries.merge(n.type() + ":" + n.attackId(), entry, AuthoritativeRecord::earlier);
            attackByName.merge(key(n.alias()), entry, AuthoritativeRecord::earlier);
        }
    }

    /**
     * The subjects' entries, by subject id, as a reader may know them (a CVE's entry from the authoritative items they
     * may read only); subjects the record does not hold are left out.
     */
    public Map<String, Entry> of(Set<Subject> subjects, Clearance reader) {
        Map<String, LocalDate> mentioned = null;
        Map<String, Entry> found = new HashMap<>();
        for (Subject s : subjects) {
            Optional<Entry> entry = switch (s.kind()) {
                case "cve" -> {
                    if (mentioned == null) {
                        mentioned = authoritativeMentions.apply(reader);
                    }
                    String series = s.id().startsWith("cve:") ? s.id() : "cve:" + s.id();
                    yield Optional.ofNullable(mentioned.get(series))
                            .map(day -> new Entry(KEV, series.substring(4), series.substring(4), day));
                }
                case "attack-group", "attack-software" -> Optional.ofNullable(attackBySeries.get(s.id()));
                case "technology" ->
                    authorities.first(s.id()).map(w -> new Entry(w.authority(), w.title(), w.title(), w.date()));
                case "novel-term", "watch-term", "term" -> Optional.ofNullable(attackByName.get(key(s.label())));
                default -> Optional.empty();
            };
            entry.ifPresent(e -> found.put(s.id(), e));
        }
        return found;
    }

    /** A name as the record compares names: letters and digits only, lower case ({@code BlackBasta} = {@code Black Basta}). */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Entry earlier(Entry a, Entry b) {
        return a.since().isAfter(b.since()) ? b : a;
    }
}
