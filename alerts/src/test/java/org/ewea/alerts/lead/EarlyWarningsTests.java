package org.ewea.alerts.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleType;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Early warnings are the alerts that named a subject before the authoritative record did, with their lead. */
class EarlyWarningsTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final AlertRule NEW_NAME = new AlertRule(
            "new-name", "New name", RuleType.NOVEL_TERM, null, null, null, 7, null, null, null, 1, null, null, 2, null);
    private static final AlertRule SCORE = new AlertRule(
            "score", "Score", RuleType.SCORE, null, null, null, 7, 0.5, null, null, 1, null, null, 2, null);
    private static final AttackNames ATTACK = AttackNames.of(List.of(
            new AttackNames.Name(
                    "S1070", "attack-software", "Black Basta", "Black Basta", LocalDate.parse("2023-03-08")),
            new AttackNames.Name("S0496", "attack-software", "REvil", "REvil", LocalDate.parse("2020-08-04")),
            new AttackNames.Name("S0496", "attack-software", "REvil", "Sodinokibi", LocalDate.parse("2020-08-04")),
            new AttackNames.Name("G1024", "attack-group", "Akira", "Akira", LocalDate.parse("2024-02-20"))));

    private AlertRepository alerts;
    private AlertRaiser raiser;
    private Map<String, LocalDate> kev;
    private EarlyWarnings warnings;

    @BeforeEach
    void create() {
        MongoDatabase db = STORE.freshDatabase();
        alerts = new AlertRepository(db);
        raiser = new AlertRaiser(alerts, new AlertEventLog(db), () -> Instant.parse("2026-12-01T00:00:00Z"));
        kev = new HashMap<>(Map.of("cve:CVE-2025-1111", LocalDate.parse("2025-11-20")));
        warnings = new EarlyWarnings(alerts, new AuthoritativeRecord(reader -> reader.full() ? kev : Map.of(), ATTACK));
    }

    private void raise(AlertRule rule, Subject subject, String day, Tlp tlp) {
        raiser.raise(
                new Trigger(
                        rule,
                        subject,
                        "about " + subject.label(),
                        "summary",
                        null,
                        null,
                        null,
                        null,
                        tlp,
                        Handling.NONE,
                        null,
                        List.of(),
                        Map.of(),
                        LocalDate.parse(day)),
                LocalDate.parse(day).atTime(23, 0).toInstant(ZoneOffset.UTC));
    }

    @Test
    void confirmedWarningsComeFirstWithTheirLeadAndKnownThreatsAreLeftOut() {
        // BlackBasta written as one word still is ATT&CK's Black Basta; REvil was in ATT&CK before the warning
        raise(NEW_NAME, new Subject("novel-term", "blackbasta", "BlackBasta"), "2022-10-11", Tlp.CLEAR);
        raise(NEW_NAME, new Subject("novel-term", "revil", "REvil"), "2020-10-14", Tlp.CLEAR);
        raise(NEW_NAME, new Subject("novel-term", "monday", "Monday"), "2020-10-16", Tlp.CLEAR);
        raise(SCORE, new Subject("cve", "cve:CVE-2025-1111", "CVE-2025-1111"), "2025-11-10", Tlp.CLEAR);
        raise(SCORE, new Subject("cve", "cve:CVE-2025-2222", "CVE-2025-2222"), "2025-11-12", Tlp.CLEAR);
        // a second, later alert on the same subject does not make a second warning
        raise(SCORE, new Subject("attack-group", "attack-group:G1024", "Akira"), "2023-05-29", Tlp.CLEAR);
        raise(NEW_NAME, new Subject("attack-group", "attack-group:G1024", "Akira"), "2023-06-02", Tlp.CLEAR);

        List<EarlyWarnings.Warning> all = warnings.readBy(Clearance.FULL, false);

        assertThat(all)
                .extracting(w -> w.alert().subject().label() + " " + w.leadDays())
                .containsExactly(
                        "Akira 267", "BlackBasta 148", "CVE-2025-1111 10", "CVE-2025-2222 null", "Monday null");
        assertThat(all.getFirst().authoritative())
                .isEqualTo(
                        new AuthoritativeRecord.Entry("MITRE ATT&CK", "G1024", "Akira", LocalDate.parse("2024-02-20")));
        assertThat(all.get(2).authoritative().record()).isEqualTo("CISA KEV");
        assertThat(warnings.readBy(Clearance.FULL, true))
                .extracting(w -> w.alert().subject().label())
                .containsExactly("Akira", "BlackBasta", "CVE-2025-1111");

        // the record is read when asked: a CVE KEV adds later becomes a confirmed warning
        kev.put("cve:CVE-2025-2222", LocalDate.parse("2025-12-01"));
        assertThat(warnings.readBy(Clearance.FULL, true))
                .extracting(w -> w.alert().subject().label() + " " + w.leadDays())
                .contains("CVE-2025-2222 19");
    }

    @Test
    void aReaderSeesOnlyTheWarningsOfAlertsTheyMayRead() {
        raise(NEW_NAME, new Subject("novel-term", "blackbasta", "Black Basta"), "2022-10-11", Tlp.RED);
        raise(NEW_NAME, new Subject("novel-term", "akira", "Akira"), "2023-05-29", Tlp.GREEN);

        assertThat(warnings.readBy(Clearance.of(Tlp.GREEN), false))
                .extracting(w -> w.alert().subject().label())
                .containsExactly("Akira");
        assertThat(warnings.readBy(Clearance.FULL, false)).hasSize(2);

        // a CVE's lead comes from the authoritative items the reader may read: none here for GREEN
        raise(SCORE, new Subject("cve", "cve:CVE-2025-1111", "CVE-2025-1111"), "2025-11-10", Tlp.GREEN);
        assertThat(warnings.readBy(Clearance.of(Tlp.GREEN), true))
                .extracting(w -> w.alert().subject().label())
                .containsExactly("Akira");
        assertThat(warnings.readBy(Clearance.FULL, true))
                .extracting(w -> w.alert().subject().label())
                .contains("CVE-2025-1111");
    }
}
