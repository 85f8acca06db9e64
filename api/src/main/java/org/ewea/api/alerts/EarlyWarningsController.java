package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.lead.AuthoritativeRecord;
import org.ewea.alerts.lead.EarlyWarnings;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.PageResponse;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The alerts that warned before the authoritative record, with their lead. */
@RestController
@Tag(name = "Alerts")
class EarlyWarningsController {

    static final int MAX_SIZE = 100;

    /**
     * One early warning.
     *
     * @param alertId the alert that gave it
     * @param ruleId the rule that raised it
     * @param title the alert's title
     * @param subject what it warned of
     * @param state the alert's state
     * @param tlp its marking
     * @param warnedOn the day it was raised (a replay's simulated day)
     * @param authoritative the subject's entry in the authoritative record, once it entered it
     * @param leadDays days from the warning to that entry
     */
    record EarlyWarningView(
            String alertId,
            String ruleId,
            String title,
            Subject subject,
            AlertState state,
            Tlp tlp,
            LocalDate warnedOn,
            AuthoritativeRecord.@Nullable Entry authoritative,
            @Nullable Long leadDays) {

        static EarlyWarningView of(EarlyWarnings.Warning w) {
            return new EarlyWarningView(
                    w.alert().id(),
                    w.alert().ruleId(),
                    w.alert().title(),
                    w.alert().subject(),
                    w.alert().state(),
                    w.alert().tlp(),
                    w.warnedOn(),
                    w.authoritative(),
                    w.leadDays());
        }
    }

    private final EarlyWarnings warnings;
    private final BlockingStore store;

    EarlyWarningsController(EarlyWarnings warnings, BlockingStore store) {
        this.warnings = warnings;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/early-warnings", produces = "application/json")
    @Operation(
            summary = "Early warnings and how early they were",
            description = "Every subject an alert warned of before the authoritative record held it (CVEs: the"
                    + " first mention by an authoritative source such as the CISA KEV feed; ATT&CK groups and"
                    + " software, and novel names matching an ATT&CK name or alias: the day ATT&CK created the"
                    + " entry), one per subject (its first alert), of the alerts the caller may read. Confirmed"
                    + " warnings come first, longest lead first, with the record's entry and the lead in days;"
                    + " then warnings the record has not (yet) confirmed, newest first. Alerts on subjects the"
                    + " record already held when they were raised, and collection gaps, are not early warnings"
                    + " and are left out.")
    Mono<PageResponse<EarlyWarningView>> list(
            @AuthenticationPrincipal User user,
            @Parameter(description = "Only warnings the authoritative record later confirmed")
                    @RequestParam(name = "confirmed", defaultValue = "false")
                    boolean confirmed,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and 10000")
                    @Max(value = 10_000, message = "must be between 0 and 10000")
                    int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
                    @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
                    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
                    int size) {
        return store.call(() -> PageResponse.of(warnings.readBy(user.clearance(), confirmed), page, size)
                .map(EarlyWarningView::of));
    }
}
