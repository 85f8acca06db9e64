package org.ewea.scoring.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * MITRE ATT&CK groups and software (intrusion sets, malware, tools; revoked ones left out) by name and alias, from
 * {@code mitre-attack/attack_timeline.csv}: the truth of evaluation section 2. Names are compared folded to lower-case
 * letters and digits ("Black Basta" = "blackbasta"); where two entries share a name, the earlier one counts.
 */
final class AttackEntries {

    /** The bulk-load dates of ATT&CK: an entry created then was not "new" then, so its date says nothing. */
    static final Set<LocalDate> CENSORED =
            Set.of(LocalDate.parse("2017-05-31"), LocalDate.parse("2017-10-25"), LocalDate.parse("2020-05-21"));

    /** One entry. */
    record Entry(String id, String name, LocalDate created) {

        boolean censored() {
            return CENSORED.contains(created);
        }
    }

    private final Map<String, Entry> byKey;

    private AttackEntries(Map<String, Entry> byKey) {
        this.byKey = byKey;
    }

    static AttackEntries load(Path corpus) throws IOException {
        Map<String, Entry> byKey = new HashMap<>();
        try (Reader in = Files.newBufferedReader(corpus.resolve("mitre-attack/attack_timeline.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                String type = r.get("stix_type");
                if (!Set.of("intrusion-set", "malware", "tool").contains(type)
                        || r.get("revoked").equals("True")) {
                    continue;
                }
                Entry entry = new Entry(
                        r.get("attack_id"),
                        r.get("name"),
                        LocalDate.parse(r.get("created").substring(0, 10)));
                for (String name : (r.get("name") + "|" + r.get("aliases")).split("\\|")) {
                    if (!key(name).isEmpty()) {
                        byKey.merge(key(name), entry, (a, b) -> a.created().isAfter(b.created()) ? b : a);
                    }
                }
            }
        }
        return new AttackEntries(byKey);
    }

    /** The newest entry's {@code created}: the snapshot can list nothing after it. */
    LocalDate lastCreated() {
        return byKey.values().stream()
                .map(Entry::created)
                .max(LocalDate::compareTo)
                .orElse(LocalDate.MIN);
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
