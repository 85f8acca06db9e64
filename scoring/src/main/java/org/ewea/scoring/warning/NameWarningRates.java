package org.ewea.scoring.warning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * How often the novel-name rule's warnings came true: for each part of the rule (a name that spoke for itself or was
 * mentioned on a dark-web source; a name open sources wrote beside an actor noun), how many names it warned of where
 * it was measured and how many of those the authoritative record (MITRE ATT&CK) listed later. Measured by the
 * evaluation command (docs/evaluation.md section 2) on the first two thirds of each replay only, and shipped as
 * {@value #RESOURCE}. A warned name's early-warning score is its rule's rate, not the CVE model's output: that model
 * was fitted on CVE series of news and is never applied to names.
 *
 * @param id the rates' version, named in every score built from them
 * @param record the authoritative record the warnings were checked against
 * @param recordUntil its snapshot's newest entry: warnings after it could not be confirmed by it and are not counted
 * @param rates one per part of the rule
 */
public record NameWarningRates(String id, String record, LocalDate recordUntil, List<Rate> rates) {

    public static final String RESOURCE = "/org/ewea/scoring/warning/name-warning-rates.json";
    /** The part of the rule for names from dark-web sources. */
    public static final String DARK_WEB = "dark-web";
    /** The part of the rule for names from open sources. */
    public static final String OPEN_SOURCE = "open-source";

    /**
     * One part of the rule, as measured.
     *
     * @param rule {@value #DARK_WEB} or {@value #OPEN_SOURCE}
     * @param corpus the replay it was measured on, and the part of it
     * @param warned names the rule warned of there
     * @param measurable of those, the names warned of while the record could still list them (before its snapshot's
     *     newest entry): the others say nothing about the rate
     * @param confirmed of the measurable ones, names the record listed after the warning
     */
    public record Rate(String rule, String corpus, int warned, int measurable, int confirmed) {

        public Rate {
            if (confirmed < 0 || measurable < confirmed || warned < measurable) {
                throw new IllegalArgumentException("a rate needs 0 <= confirmed <= measurable <= warned, not "
                        + confirmed + ", " + measurable + ", " + warned);
            }
        }

        /** Were any of its warnings measurable? */
        public boolean measured() {
            return measurable > 0;
        }

        /**
         * The chance that a name this rule warns of is listed later: (confirmed + 1) / (measurable + 2) (Laplace, so
         * that few warnings are not read as certainty).
         */
        public double probability() {
            return (confirmed + 1.0) / (measurable + 2.0);
        }

        /** The rate in words. */
        public String words(String record) {
            return String.format(
                    Locale.ROOT,
                    "of the %d names this part of the rule warned of on %s while %s could"
                            + " still list them, %s listed %d later: (%d + 1) / (%d + 2) = %.0f%%",
                    measurable,
                    corpus,
                    record,
                    record,
                    confirmed,
                    confirmed,
                    measurable,
                    100 * probability());
        }
    }

    public NameWarningRates {
        rates = List.copyOf(rates);
    }

    /** The rate of one part of the rule, as measured (it may have no measurable warning). */
    public Optional<Rate> of(String rule) {
        return rates.stream().filter(r -> r.rule().equals(rule)).findFirst();
    }

    /**
     * The rate a name warned of by {@code rule} is scored with: its own part's when that was measured, else the
     * measured part with the most measurable warnings (the rule's best estimate), else none.
     */
    public Optional<Rate> forScoring(String rule) {
        return of(rule).filter(Rate::measured)
                .or(() -> rates.stream().filter(Rate::measured).max(Comparator.comparingInt(Rate::measurable)));
    }

    /** The rates shipped in the jar. */
    public static NameWarningRates bundled(JsonMapper json) {
        try (InputStream in = NameWarningRates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE);
            }
            return json.readValue(in, NameWarningRates.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
