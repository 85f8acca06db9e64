package org.ewea.scoring.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.testing.CorpusWarcs;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.terms.Candidate;
import org.ewea.scoring.terms.CandidateFinder;

/**
 * Evaluation section 2 on open sources: the novel-term candidates of the s33r news replay (first day each name is a
 * candidate), each judged a real name when it is an ATT&CK group's, software's or alias's name, or a KEV vendor's
 * or product's name, and an actor when it is an ATT&CK one. Counted on the whole replay and on its last third.
 */
final class NewsNameEvaluation {

    /** A name's first day as a candidate. */
    record Warned(
            String label,
            List<String> aliases,
            LocalDate firstSeen,
            LocalDate warned,
            long items,
            int sources,
            String truth) {

        boolean realName() {
            return !truth.isEmpty();
        }

        boolean actor() {
            return truth.startsWith("ATT&CK");
        }
    }

    /** The candidates of one replay, and the part of it counted. */
    record Part(String name, LocalDate from, LocalDate to, List<Warned> warned) {

        double weeks() {
            return (ChronoUnit.DAYS.between(from, to) + 1) / 7.0;
        }

        double perWeek() {
            return warned.size() / weeks();
        }

        long realNames() {
            return warned.stream().filter(Warned::realName).count();
        }

        long actors() {
            return warned.stream().filter(Warned::actor).count();
        }

        double realShare() {
            return warned.isEmpty() ? 0 : realNames() / (double) warned.size();
        }
    }

    /** Records each candidate's first day. */
    static final class Collector {

        private final Map<String, Warned> first = new LinkedHashMap<>();
        private final AttackEntries attack;
        private final Map<String, String> kevNames;

        Collector(AttackEntries attack, Map<String, String> kevNames) {
            this.attack = attack;
            this.kevNames = kevNames;
        }

        void day(LocalDate day, List<Candidate> candidates) {
            for (Candidate c : candidates) {
                first.computeIfAbsent(
                        c.id(),
                        id -> new Warned(c.label(), c.aliases(), c.firstSeen(), day, c.items(), c.sources(), truth(c)));
            }
        }

        private String truth(Candidate c) {
            List<String> names = new ArrayList<>(c.aliases());
            names.addFirst(c.label());
            for (String name : names) {
                Optional<AttackEntries.Entry> entry = attack.find(name);
                if (entry.isPresent()) {
                    return "ATT&CK " + entry.get().id() + " " + entry.get().name();
                }
            }
            // a vendor's product written with the vendor ("Adobe ColdFusion") names the product
            for (String name : List.copyOf(names)) {
                if (name.contains(" ")) {
                    names.addAll(List.of(name.split("\\s+")));
                }
            }
            for (String name : names) {
                String kev = kevNames.get(AttackEntries.key(name));
                if (kev != null) {
                    return "KEV " + kev;
                }
            }
            return "";
        }

        List<Warned> warned() {
            List<Warned> all = new ArrayList<>(first.values());
            all.sort(Comparator.comparing(Warned::warned).thenComparing(Warned::label));
            return all;
        }
    }

    private NewsNameEvaluation() {}

    /** Vendor and product names of the KEV catalogue, by {@link AttackEntries#key}, to "vendor" or "product". */
    static Map<String, String> kevNames(Path corpus) throws IOException {
        Map<String, String> names = new HashMap<>();
        try (Reader in = Files.newBufferedReader(corpus.resolve("cisa-kev/known_exploited_vulnerabilities.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                put(names, r.get("vendorProject"), "vendor " + r.get("vendorProject"));
                put(names, r.get("product"), "product " + r.get("product"));
            }
        }
        return names;
    }

    private static void put(Map<String, String> names, String name, String what) {
        String key = AttackEntries.key(name);
        if (key.length() >= 3) {
            names.putIfAbsent(key, what);
        }
    }

    /** The whole replay from {@code start} (after the warm-up) to {@code end}, and its last third. */
    static List<Part> parts(String name, List<Warned> warned, LocalDate start, LocalDate end) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate lastThird = start.plusDays(days * 2 / 3);
        return List.of(
                new Part(name + ", whole replay", start, end, warned),
                new Part(
                        name + ", first two thirds",
                        start,
                        lastThird.minusDays(1),
                        warned.stream()
                                .filter(w -> w.warned().isBefore(lastThird))
                                .toList()),
                new Part(
                        name + ", last third",
                        lastThird,
                        end,
                        warned.stream()
                                .filter(w -> !w.warned().isBefore(lastThird))
                                .toList()));
    }

    /** The beside-noun thresholds tried, smallest first. */
    static final List<Integer> THRESHOLDS = List.of(1, 2, 3);
    /** The most open-source candidates a week an analyst is asked to read (issue 16). */
    static final double MAX_PER_WEEK = 10;

    /**
     * The candidates under each threshold, and the threshold chosen on the first two thirds of the replay only: the
     * smallest whose first two thirds stay within {@value #MAX_PER_WEEK} a week.
     */
    record Choice(Map<Integer, List<Warned>> byThreshold, int chosen, LocalDate start, LocalDate end) {

        List<Part> parts(int threshold) {
            return NewsNameEvaluation.parts("s33r news", byThreshold.get(threshold), start, end);
        }

        static Choice of(Map<Integer, List<Warned>> byThreshold, LocalDate start, LocalDate end) {
            int chosen = THRESHOLDS.getLast();
            for (int t : THRESHOLDS) {
                if (NewsNameEvaluation.parts("", byThreshold.get(t), start, end)
                                .get(1)
                                .perWeek()
                        <= MAX_PER_WEEK) {
                    chosen = t;
                    break;
                }
            }
            return new Choice(byThreshold, chosen, start, end);
        }
    }

    /** One collector per threshold, fed at the end of every replayed day. */
    static final class Thresholds {

        private final Map<Integer, Collector> collectors = new LinkedHashMap<>();

        Thresholds(AttackEntries attack, Map<String, String> kevNames) {
            THRESHOLDS.forEach(t -> collectors.put(t, new Collector(attack, kevNames)));
        }

        void day(LocalDate day, CandidateFinder finder) {
            collectors.forEach(
                    (t, c) -> c.day(day, finder.withMinBesideSources(t).find(day, false)));
        }

        Choice choice(LocalDate start, LocalDate end) {
            Map<Integer, List<Warned>> all = new LinkedHashMap<>();
            collectors.forEach((t, c) -> all.put(t, c.warned()));
            return Choice.of(all, start, end);
        }
    }

    /** Replays the news corpus, asking for candidates at the end of every day. */
    static Choice replay(Path corpus, Methodology methodology, Annotator annotator, AttackEntries attack)
            throws IOException {
        Thresholds thresholds = new Thresholds(attack, kevNames(corpus));
        Path work = Files.createTempDirectory("ewea-news-names");
        try (PipelineStore news = new PipelineStore("s33r-names", methodology, annotator)) {
            CorpusWarcs.Conversion warc = CorpusWarcs.s33r(corpus, work.resolve("s33r.warc.gz"));
            news.replay(
                    warc.warc(),
                    id -> new SourceDefinition(
                            new SourceId(id), "feed", id, null, null, AdmiraltyGrade.parse("B2"), Tlp.CLEAR),
                    day -> thresholds.day(day, news.candidates()));
        }
        return thresholds.choice(Evaluation.REPLAY_START.plusDays(CandidateFinder.WARM_UP_DAYS), Evaluation.REPLAY_END);
    }

    /** Runs the open-source part alone and prints it: {@code <corpus>}. */
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        var methodology = new MethodologyLoader().load(null);
        Choice choice = replay(corpus, methodology, TestAnnotators.defaults(), AttackEntries.load(corpus));
        for (Warned w : choice.byThreshold().get(choice.chosen())) {
            System.out.printf(
                    "%s %s %s (%d items, %d sources) %s%n",
                    w.warned(), w.label(), w.aliases(), w.items(), w.sources(), w.truth());
        }
        for (int t : THRESHOLDS) {
            for (Part p : choice.parts(t)) {
                System.out.printf(
                        "beside %d%s: %s: %d candidates, %.1f a week, %d real names (%.2f), %d ATT&CK%n",
                        t,
                        t == choice.chosen() ? " (chosen)" : "",
                        p.name(),
                        p.warned().size(),
                        p.perWeek(),
                        p.realNames(),
                        p.realShare(),
                        p.actors());
            }
        }
    }
}
