package org.ewea.scoring.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.mirror.MirrorProfile;
import org.ewea.collectors.mirror.MirrorProfiles;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.terms.Candidate;

/**
 * Evaluation section 2 through the system: the ransomchats mirror replayed as a recorded dark-web source (the
 * shipped {@code ransomchats} profile, chat date as capture time, undated chats excluded), the service's novel-term
 * candidates asked for at the end of every simulated day, and each term's first day as a candidate (its warning)
 * compared with the ATT&CK entry of the same name or alias.
 */
final class ActorLeadEvaluation {

    static final String SOURCE = "ransomchats";

    /** A term's first day as a candidate, with the evidence it had then. */
    record Warning(String term, String label, LocalDate firstSeen, LocalDate warned, long items) {}

    /** A warning matched to ATT&CK (entry null when ATT&CK has no entry of that name). */
    record Row(Warning warning, AttackEntries.Entry entry) {

        Optional<Long> leadDays() {
            return entry == null
                    ? Optional.empty()
                    : Optional.of(ChronoUnit.DAYS.between(warning.warned(), entry.created()));
        }

        /** Warned before ATT&CK created the entry (and the entry's date is not a bulk-load date). */
        boolean ahead() {
            return entry != null && !entry.censored() && leadDays().orElseThrow() > 0;
        }
    }

    /** The run: import accounting, every warning matched, and the days scored. */
    record Result(ImportReport imported, List<Row> rows, int days, LocalDate start, LocalDate end) {

        /** The rows warned in the first two thirds of the replayed days, or in the last third. */
        List<Row> part(boolean lastThird) {
            LocalDate cut = start.plusDays(ChronoUnit.DAYS.between(start, end) * 2 / 3 + 1);
            return rows.stream()
                    .filter(r -> r.warning().warned().isBefore(cut) != lastThird)
                    .toList();
        }

        LocalDate cut() {
            return start.plusDays(ChronoUnit.DAYS.between(start, end) * 2 / 3 + 1);
        }

        List<Row> ahead() {
            return rows.stream().filter(Row::ahead).toList();
        }

        List<Row> neverInAttack() {
            return rows.stream().filter(r -> r.entry() == null).toList();
        }

        Optional<Row> of(String name) {
            return rows.stream()
                    .filter(r -> r.entry() != null
                            && AttackEntries.key(r.entry().name()).equals(AttackEntries.key(name)))
                    .findFirst();
        }

        Optional<Long> medianLead() {
            List<Long> leads = ahead().stream()
                    .map(r -> r.leadDays().orElseThrow())
                    .sorted()
                    .toList();
            return leads.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            leads.size() % 2 == 1
                                    ? leads.get(leads.size() / 2)
                                    : (leads.get(leads.size() / 2 - 1) + leads.get(leads.size() / 2)) / 2);
        }
    }

    private ActorLeadEvaluation() {}

    static Result run(Path corpus, Methodology methodology, Annotator annotator, AttackEntries attack)
            throws IOException {
        MirrorProfile shipped = new MirrorProfiles().find("ransomchats").orElseThrow();
        MirrorProfile profile = new MirrorProfile(
                shipped.id(),
                shipped.description(),
                shipped.format(),
                shipped.files(),
                shipped.records(),
                shipped.record(),
                shipped.title(),
                shipped.fileNameDate(),
                "exclude",
                shipped.html());
        SourceDefinition source = new SourceDefinition(
                new SourceId(SOURCE),
                "folder",
                "Ransomware negotiation portals (recorded mirror)",
                null,
                null,
                AdmiraltyGrade.parse("C3"),
                Tlp.CLEAR);
        Map<String, Warning> first = new LinkedHashMap<>();
        int[] days = new int[1];
        LocalDate[] span = new LocalDate[2];
        try (PipelineStore store = new PipelineStore(SOURCE, methodology, annotator, Set.of(SOURCE))) {
            ImportReport imported = store.replayMirror(corpus.resolve("ransomchats/chats"), profile, source, day -> {
                days[0]++;
                span[0] = span[0] == null ? day : span[0];
                span[1] = day;
                for (Candidate c : store.candidates().find(day, false)) {
                    first.putIfAbsent(c.id(), new Warning(c.id(), c.label(), c.firstSeen(), day, c.items()));
                }
            });
            List<Row> rows = new ArrayList<>();
            for (Warning w : first.values()) {
                rows.add(new Row(w, attack.find(w.label()).orElse(null)));
            }
            rows.sort(Comparator.comparing((Row r) -> r.warning().warned())
                    .thenComparing(r -> r.warning().term()));
            return new Result(imported, rows, days[0], span[0], span[1]);
        }
    }

    /** Runs section 2 alone: {@code <corpus>}. */
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Result result =
                run(corpus, new MethodologyLoader().load(null), TestAnnotators.defaults(), AttackEntries.load(corpus));
        System.out.printf(
                "%d chats offered, %d stored, %d rejected; %d days scored%n",
                result.imported().input(),
                result.imported().stored(),
                result.imported().capturesRejected(),
                result.days());
        for (Row r : result.rows()) {
            System.out.printf(
                    "%s %s (first %s, %d items) -> %s %s%n",
                    r.warning().warned(),
                    r.warning().label(),
                    r.warning().firstSeen(),
                    r.warning().items(),
                    r.entry() == null
                            ? "-"
                            : r.entry().id() + " " + r.entry().name() + " "
                                    + r.entry().created(),
                    r.leadDays().map(String::valueOf).orElse(""));
        }
    }
}
