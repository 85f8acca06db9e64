package org.ewea.scoring.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.AuthoritativeDates;

/**
 * CISA KEV dateAdded per CVE from ../shared/corpus/cisa-kev: the official catalogue (to 2025-08-25), completed by
 * the 2026-08-20 mirror for later additions (as evaluation.md says). 2021-11-03, the catalogue's first bulk load, is
 * a censored date: those CVEs were exploited before, when is not known.
 */
final class KevDates {

    static final LocalDate BULK_LOAD = LocalDate.parse("2021-11-03");
    static final LocalDate OFFICIAL_END = LocalDate.parse("2025-08-25");
    static final LocalDate MIRROR_END = LocalDate.parse("2026-08-20");

    private KevDates() {}

    /** Series id ({@code cve:CVE-...}) to dateAdded. */
    static AuthoritativeDates load(Path corpus) {
        Map<String, LocalDate> dates = new HashMap<>();
        read(corpus.resolve("cisa-kev/known_exploited_vulnerabilities.csv"), dates, LocalDate.MAX);
        read(corpus.resolve("cisa-kev/known_exploited_vulnerabilities_mirror_2026-08-20.csv"), dates, OFFICIAL_END);
        return new AuthoritativeDates(
                dates, "CISA KEV dateAdded (official catalogue to 2025-08-25, mirror of" + " 2026-08-20 after)");
    }

    private static void read(Path csv, Map<String, LocalDate> dates, LocalDate onlyAfter) {
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                LocalDate added = LocalDate.parse(row.get("dateAdded"));
                String series =
                        SignalRepository.entitySeries("cve", row.get("cveID").trim());
                if (onlyAfter.equals(LocalDate.MAX) || added.isAfter(onlyAfter)) {
                    dates.putIfAbsent(series, added);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
