package org.ewea.alerts.lead;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.Subject;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.stage.Stage;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.WarningModelFile;
import org.jspecify.annotations.Nullable;
import smile.stat.distribution.PoissonDistribution;

/**
 * Builds the {@link Briefing} of a day as a reader may see it: the scores of that day's picture read from the items
 * they may read, the alerts they may read, and the authoritative record (CISA KEV mentions, MITRE ATT&CK). An early
 * warning is a subject no record held on the day: a CVE, ATT&CK group or software, or accepted term the scores read
 * in the 28 days to it, or a name the rules warned of in the {@value #OPEN_DAYS} days to it that is still open
 * (not dismissed). A name needs the longer window because the places where new actors speak for themselves are quiet
 * streams: a negotiation portal may carry one chat a fortnight. A taxonomy technology is an early warning while no
 * authority has warned of it yet and one did later (the methodology's authority warnings); once one has, it is a
 * known threat, never new; one without any authority date on record is rising, new or changing stage only. All calls
 * block.
 */
public final class BriefingBuilder {

    /** How long a warned name stays an open early warning unless the record takes it up or an analyst dismisses it. */
    public static final int OPEN_DAYS = EarlyWarningScores.OPEN_DAYS;
    /** Rising: at least this many items in the last 7 days... */
    static final int RISING_ITEMS = 3;
    /** ...and a count that high this improbable under the series' own baseline at the collection's volume. */
    static final double RISING_P = 0.01;
    /** Rising: from at least this many distinct sources in the 28 days. */
    static final int RISING_SOURCES = 2;
    /** A store's first days: every subject is new to it then, so none is listed as new. */
    static final int WARM_UP_DAYS = 28;

    private static final Set<String> ENTITY_KINDS = Set.of("cve", "attack-group", "attack-software", "term");

    private final EarlyWarningScores scorer;
    private final SignalRepository signals;
    private final AuthoritativeRecord record;
    private final Methodology methodology;

    /** @param scores every subject's score, warned names' included */
    public BriefingBuilder(
            EarlyWarningScores scores, SignalRepository signals, AuthoritativeRecord record, Methodology methodology) {
        this.scorer = scores;
        this.signals = signals;
        this.record = record;
        this.methodology = methodology;
    }

    /** The briefing of {@code asOf} as {@code reader} may read it. */
    public Briefing build(LocalDate asOf, Clearance reader) {
        WarningModelFile model = scorer.model();
        // the reader's name alerts, read once: scored, and listed with their warning's words
        List<EarlyWarningScores.NameAlert> nameAlerts = scorer.nameAlerts(reader);
        List<EarlyWarningScore> scores = scorer.score(asOf, reader, nameAlerts);
        List<EarlyWarningScores.NameAlert> open =
                nameAlerts.stream().filter(n -> n.openOn(asOf)).toList();
        // an open name's line is its warning's, with its score beside
        Map<String, EarlyWarningScore> openScores = new HashMap<>();
        Set<String> openSeries = open.stream()
                .map(n -> TrackedTerms.series(n.alert().subject().id()))
                .collect(Collectors.toSet());
        scores.stream().filter(s -> openSeries.contains(s.series())).forEach(s -> openScores.put(s.series(), s));
        Map<String, AuthoritativeRecord.Entry> entries = record.of(
                scores.stream()
                        .map(s -> new Subject(s.kind(), s.series(), s.label()))
                        .collect(Collectors.toSet()),
                reader);
        LocalDate weekFrom = asOf.minusDays(6);
        SignalRepository picture = signals.readBy(reader);
        // in a store's first weeks everything is new to it: first sightings then say nothing
        LocalDate settled = picture.firstSeen(SignalRepository.ALL_ITEMS)
                .map(d -> d.plusDays(WARM_UP_DAYS))
                .orElse(asOf.plusDays(1));
        List<Briefing.Line> early = new ArrayList<>();
        List<Briefing.Line> rising = new ArrayList<>();
        List<Briefing.Line> fresh = new ArrayList<>();
        List<Briefing.Line> changes = new ArrayList<>();
        List<Briefing.Line> known = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (EarlyWarningScore s : scores) {
            AuthoritativeRecord.Entry entry = entries.get(s.series());
            if (entry == null && s.authoritativeSince() != null) {
                entry = new AuthoritativeRecord.Entry(
                        s.kind().equals("technology") ? "authority-warnings.yaml" : AuthoritativeRecord.KEV,
                        s.label(),
                        s.label(),
                        s.authoritativeSince());
            }
            boolean held = entry != null && !entry.since().isAfter(asOf);
            if (held && s.kind().equals("technology")) {
                known.add(line(
                        s,
                        String.format(
                                Locale.ROOT,
                                "Authorities warned of it by %s (%s: %s); %s in the 28" + " days to %s.",
                                entry.since(),
                                entry.record(),
                                entry.id(),
                                mentions(s),
                                asOf),
                        entry,
                        null));
            } else if (held) {
                known.add(line(
                        s,
                        String.format(
                                Locale.ROOT,
                                "In %s since %s (%s); %s in the 28 days to %s.",
                                entry.record(),
                                entry.since(),
                                entry.id(),
                                mentions(s),
                                asOf),
                        entry,
                        null));
            } else if (s.kind().equals("technology") && entry != null) {
                early.add(line(
                        s,
                        String.format(
                                Locale.ROOT,
                                "No authority had warned of it by %s (the first warning"
                                        + " on record: %s, %s); %s in the 28 days to %s, first seen %s; %s.",
                                asOf,
                                entry.record(),
                                entry.since(),
                                mentions(s),
                                asOf,
                                s.firstSeen(),
                                stageWords(s)),
                        entry,
                        lead(s.firstSeen(), entry)));
            } else if (openScores.containsKey(s.series())) {
                // listed below, with the warning's words
            } else if (ENTITY_KINDS.contains(s.kind())) {
                named.add(AuthoritativeRecord.key(s.label()));
                early.add(line(
                        s,
                        String.format(
                                Locale.ROOT,
                                "No authoritative record holds it yet%s; %s in the 28"
                                        + " days to %s, first seen %s; %s.",
                                s.kind().equals("cve") ? " (not in CISA KEV)" : "",
                                mentions(s),
                                asOf,
                                s.firstSeen(),
                                stageWords(s)),
                        entry,
                        entry == null ? null : lead(s.firstSeen(), entry)));
            }
            if (s.kind().equals("technology")) {
                Rise rise = rise(picture, s.series(), asOf);
                if (rise.rising() && sources(s) >= RISING_SOURCES) {
                    rising.add(line(s, risingWords(s, rise), held ? entry : null, null));
                }
            }
            // novelty is claimed for what is new only: a known threat first seen by this collection is not new
            if (!held
                    && s.firstSeen() != null
                    && !s.firstSeen().isBefore(weekFrom)
                    && !s.firstSeen().isBefore(settled)) {
                fresh.add(line(
                        s,
                        String.format(Locale.ROOT, "First seen %s; %s since.", s.firstSeen(), mentions(s)),
                        null,
                        null));
            }
            if (!s.stage().since().isBefore(weekFrom)
                    && !s.stage().since().isAfter(asOf)
                    && (s.firstSeen() == null || s.stage().since().isAfter(s.firstSeen()))) {
                changes.add(line(
                        s,
                        String.format(
                                Locale.ROOT,
                                "%s since %s: %s.",
                                stageName(s.stage().stage()),
                                s.stage().since(),
                                s.stage().rationale()),
                        held ? entry : null,
                        null));
            }
        }
        for (EarlyWarningScores.NameAlert n : open) {
            if (named.add(AuthoritativeRecord.key(n.alert().subject().label()))) {
                EarlyWarningScore score =
                        openScores.get(TrackedTerms.series(n.alert().subject().id()));
                early.add(line(n, asOf, score));
                if (!n.warnedOn().isBefore(weekFrom)) {
                    fresh.add(line(n, asOf, score));
                }
            }
        }
        early.sort(Comparator.comparing(
                        (Briefing.Line l) -> l.firstSeen() == null ? LocalDate.MIN : l.firstSeen(),
                        Comparator.reverseOrder())
                .thenComparing(Briefing.Line::label));
        return new Briefing(asOf, weekFrom, early, rising, fresh, changes, known, model.id(), methodology.versionId());
    }

    /**
     * The day a demonstration should open on: among the days from {@code from} to {@code to}, the one with the most
     * open early warnings that the record later confirmed (ties: the later day), if any warning was ever confirmed.
     */
    public Optional<LocalDate> dayWithMostConfirmedWarnings(LocalDate from, LocalDate to, Clearance reader) {
        List<EarlyWarningScores.NameAlert> all = scorer.nameAlerts(reader);
        Set<LocalDate> days = new HashSet<>();
        for (EarlyWarningScores.NameAlert n : all) {
            if (n.entry() != null && n.entry().since().isAfter(n.warnedOn())) {
                days.add(n.warnedOn());
                days.add(n.entry().since().minusDays(1));
            }
        }
        LocalDate best = null;
        long most = 0;
        for (LocalDate day : days.stream().sorted().toList()) {
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            long confirmed =
                    all.stream().filter(n -> n.openOn(day) && n.entry() != null).count();
            if (confirmed > 0 && confirmed >= most) {
                most = confirmed;
                best = day;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A warned name's line: its warning's words, with its score beside when it is scored. */
    private static Briefing.Line line(
            EarlyWarningScores.NameAlert n, LocalDate asOf, @Nullable EarlyWarningScore score) {
        Alert alert = n.alert();
        AuthoritativeRecord.Entry entry = n.entry();
        Map<String, String> f = alert.facts();
        long items = parseLong(f.get("items"));
        int sources =
                f.getOrDefault("sources", "").isBlank() ? 0 : f.get("sources").split(",\\s*").length;
        String how = Boolean.parseBoolean(f.get("selfNamed"))
                ? "it speaks for itself on a dark-web source ("
                        + f.getOrDefault("darkWebSources", f.getOrDefault("sources", "")) + ")"
                : f.containsKey("darkWebSources")
                        ? String.format(
                                Locale.ROOT, "%d item(s), from the dark web" + " (%s)", items, f.get("darkWebSources"))
                        : String.format(Locale.ROOT, "%d item(s) from %d source(s)", items, sources);
        String firstSeen = f.getOrDefault("firstSeen", n.warnedOn().toString());
        String reason = String.format(
                Locale.ROOT,
                "A name never seen before %s: %s. Warned on %s; no" + " authoritative record held it on %s.",
                firstSeen,
                how,
                n.warnedOn(),
                asOf);
        return new Briefing.Line(
                alert.subject().kind(),
                alert.subject().id(),
                alert.subject().label(),
                reason,
                items,
                sources,
                LocalDate.parse(firstSeen),
                score == null ? null : score.stage().stage(),
                score == null ? alert.priority() : score.priority(),
                score == null ? null : score.score(),
                alert.id(),
                entry,
                entry == null ? null : ChronoUnit.DAYS.between(n.warnedOn(), entry.since()));
    }

    private static long parseLong(@Nullable String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Briefing.Line line(
            EarlyWarningScore s, String reason, AuthoritativeRecord.@Nullable Entry entry, @Nullable Long lead) {
        return new Briefing.Line(
                s.kind(),
                s.series(),
                s.label(),
                reason,
                s.evidenceCount(),
                sources(s),
                s.firstSeen(),
                s.stage().stage(),
                s.priority(),
                s.score(),
                null,
                entry,
                lead);
    }

    private static @Nullable Long lead(@Nullable LocalDate firstSeen, AuthoritativeRecord.Entry entry) {
        return firstSeen == null ? null : ChronoUnit.DAYS.between(firstSeen, entry.since());
    }

    private static int sources(EarlyWarningScore s) {
        return (int) Math.round(s.stage().indicators().getOrDefault("source-diversity", 0.0));
    }

    /**
     * A technology's last 7 days against its 28 days before, at the collection's volume: under "nothing changed" its
     * share of the collection stays what it was, so its count in the last 7 days is Poisson with mean
     * {@code expected = (before + 0.5) * collection7 / collection28} (half an item added to the baseline so that a
     * first mention is not infinitely surprising). It is rising when at least {@value #RISING_ITEMS} items came in
     * the 7 days and a count that high has a probability under {@value #RISING_P} under that mean. A collection that
     * was empty in the 28 days before cannot tell (everything is new to it): nothing rises then.
     *
     * @param last items of the last 7 days
     * @param before items of the 28 days before
     * @param expected the mean above
     * @param p the probability of at least {@code last} items under it
     * @param since the first day of the 7 with an item
     */
    public record Rise(
            long last,
            long before,
            double expected,
            double p,
            @Nullable LocalDate since) {

        public boolean rising() {
            return last >= RISING_ITEMS && p < RISING_P;
        }

        /** The test's reading in words, rising or not. */
        public String words() {
            if (Double.isNaN(expected)) {
                return String.format(
                        Locale.ROOT,
                        "%d items in the last 7 days; the collection held nothing in the"
                                + " 28 days before, so no rise can be told yet.",
                        last);
            }
            String chance = p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
            return rising()
                    ? String.format(
                            Locale.ROOT,
                            "Rising since %s: %d items in the last 7 days where %.1f"
                                    + " were expected from its 28 days before (%d items) at the collection's volume; a count this high"
                                    + " by chance: p = %s (Poisson).",
                            since,
                            last,
                            expected,
                            before,
                            chance)
                    : String.format(
                            Locale.ROOT,
                            "Not rising: %d items in the last 7 days, %.1f expected from its 28"
                                    + " days before (%d items) at the collection's volume (p = %s; rising needs at least %d items"
                                    + " and p < %s).",
                            last,
                            expected,
                            before,
                            chance,
                            RISING_ITEMS,
                            RISING_P);
        }
    }

    /** The rise test of {@code series} on {@code asOf}, read from {@code picture} (blocks). */
    public static Rise rise(SignalRepository picture, String series, LocalDate asOf) {
        LocalDate from = asOf.minusDays(34);
        LocalDate weekFrom = asOf.minusDays(6);
        long[] collection = counts(picture.daily(SignalRepository.ALL_ITEMS, from, asOf), weekFrom);
        List<SignalPoint> points = picture.daily(series, from, asOf);
        long[] own = counts(points, weekFrom);
        LocalDate since = points.stream()
                .filter(p -> p.count() > 0 && !p.day().isBefore(weekFrom))
                .map(SignalPoint::day)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (collection[1] == 0) {
            return new Rise(own[0], own[1], Double.NaN, 1, since);
        }
        double expected = (own[1] + 0.5) * collection[0] / collection[1];
        double p = own[0] == 0 ? 1 : 1 - new PoissonDistribution(expected).cdf(own[0] - 1);
        return new Rise(own[0], own[1], expected, Math.max(0, p), since);
    }

    /** Items in the 7 days from {@code weekFrom} on, and in the days before. */
    private static long[] counts(List<SignalPoint> points, LocalDate weekFrom) {
        long[] c = new long[2];
        for (SignalPoint p : points) {
            c[p.day().isBefore(weekFrom) ? 1 : 0] += p.count();
        }
        return c;
    }

    private static String risingWords(EarlyWarningScore s, Rise r) {
        double burst = s.stage().indicators().getOrDefault("burst", 0.0);
        return String.format(
                Locale.ROOT,
                "%s From %d sources in 28 days%s.",
                r.words(),
                sources(s),
                burst >= 1 ? String.format(Locale.ROOT, ", in a burst (level %.0f of 3)", burst) : "");
    }

    private static String mentions(EarlyWarningScore s) {
        int sources = sources(s);
        return String.format(
                Locale.ROOT,
                "%d mention%s from %d source%s",
                s.evidenceCount(),
                s.evidenceCount() == 1 ? "" : "s",
                sources,
                sources == 1 ? "" : "s");
    }

    private String stageWords(EarlyWarningScore s) {
        return "stage " + stageName(s.stage().stage()) + " since " + s.stage().since();
    }

    private String stageName(String id) {
        return methodology.stages().stages().stream()
                .filter(st -> st.id().equals(id))
                .map(Stage::name)
                .findFirst()
                .orElse(id);
    }
}
