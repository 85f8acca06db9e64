package org.ewea.scoring.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation section 2's ceiling, read straight from the corpus (no system involved, like the KEV "plain regex"
 * ceiling of evaluation.md): for each ransomchats group with dated chats whose name equals an ATT&CK group's or
 * software's name, its first chat date against the entry's {@code created} date (the bulk-load dates 2017-05-31,
 * 2017-10-25 and 2020-05-21 are censored).
 */
final class AttackTextCeiling {

    private static final Set<String> CENSORED = Set.of("2017-05-31", "2017-10-25", "2020-05-21");

    /** One group: its first chat and its ATT&CK entry. */
    record Row(String group, LocalDate firstChat, String attackId, String attackName, LocalDate created) {

        long leadDays() {
            return ChronoUnit.DAYS.between(firstChat, created);
        }
    }

    private AttackTextCeiling() {}

    static List<Row> compute(Path corpus) throws IOException {
        Map<String, String[]> byName = new HashMap<>();
        try (Reader in = Files.newBufferedReader(corpus.resolve("mitre-attack/attack_timeline.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                String type = r.get("stix_type");
                if ((type.equals("intrusion-set") || type.equals("malware"))
                        && !r.get("revoked").equals("True")) {
                    byName.merge(
                            key(r.get("name")),
                            new String[] {
                                r.get("attack_id"),
                                r.get("name"),
                                r.get("created").substring(0, 10)
                            },
                            (a, b) -> a[2].compareTo(b[2]) <= 0 ? a : b);
                }
            }
        }
        Map<String, LocalDate> firstChat = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(corpus.resolve("ransomchats/ransomchats_messages.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode m = json.readTree(line);
            String date = m.path("chat_date").asString("");
            if (!date.isEmpty()) {
                firstChat.merge(m.path("group").asString(), LocalDate.parse(date), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Row> rows = new ArrayList<>();
        firstChat.forEach((group, first) -> {
            String[] entry = byName.get(key(group));
            if (entry != null && !CENSORED.contains(entry[2])) {
                rows.add(new Row(group, first, entry[0], entry[1], LocalDate.parse(entry[2])));
            }
        });
        return rows;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
