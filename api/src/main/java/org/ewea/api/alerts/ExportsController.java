package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.export.MispExporter;
import org.ewea.alerts.export.MispFeed;
import org.ewea.alerts.export.StixExporter;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.RequestValues;
import org.ewea.methodology.definition.Methodology;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Alerts exported for other tools: STIX 2.1 and MISP, with only what the caller is cleared for. */
@RestController
@Tag(name = "Exports", description = "STIX 2.1 bundles and MISP events of alerts")
class ExportsController {

    static final int MAX_DAYS = 366;

    /** Days, both included. */
    private record DayRange(LocalDate first, LocalDate last) {}

    private final AlertRepository alerts;
    private final StixExporter stix;
    private final MispExporter misp = new MispExporter();
    private final BlockingStore store;
    private final InstantSource clock;

    ExportsController(AlertRepository alerts, Methodology methodology, BlockingStore store, InstantSource clock) {
        this.alerts = alerts;
        this.stix = new StixExporter(methodology);
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(
            path = "/api/v1/exports/stix",
            produces = {"application/stix+json", "application/json"})
    @Operation(
            summary = "Alerts as a STIX 2.1 bundle",
            description = "The alerts changed, raised or about signals of a day between from and to (ISO dates,"
                    + " inclusive; default the last 30 days; at most 366 days) that the caller is cleared for: a"
                    + " report per alert referring to its subject (attack-pattern for a technology, vulnerability,"
                    + " intrusion-set, tool, or note for a term), created by the EW/EA identity, each object marked"
                    + " with the TLP 2.0 marking definition of its alert (included in the bundle). Recorded in the"
                    + " audit trail as an EXPORT.")
    Mono<Map<String, Object>> stix(
            @AuthenticationPrincipal User user,
            @Parameter(description = "first day, ISO") @RequestParam(name = "from", required = false) @Nullable
                    String from,
            @Parameter(description = "last day, ISO") @RequestParam(name = "to", required = false) @Nullable
                    String to) {
        DayRange range = range(from, to);
        return store.call(() -> stix.bundle(select(user, range), clock.instant()));
    }

    @GetMapping(path = "/api/v1/exports/misp", produces = "application/json")
    @Operation(
            summary = "Alerts as MISP events",
            description = "The same alerts as the STIX export, as MISP event JSON ({\"response\": [{\"Event\":"
                    + " ...}]}): tagged tlp:* and ewea:stage / ewea:priority, the subject as an attribute"
                    + " (vulnerability for a CVE), the summary as a comment, distribution 0 (your organisation).")
    Mono<Map<String, Object>> misp(
            @AuthenticationPrincipal User user,
            @Parameter(description = "first day, ISO") @RequestParam(name = "from", required = false) @Nullable
                    String from,
            @Parameter(description = "last day, ISO") @RequestParam(name = "to", required = false) @Nullable
                    String to) {
        DayRange range = range(from, to);
        return store.call(() -> misp.events(select(user, range)));
    }

    static final String FEED = "/api/v1/exports/misp-feed";
    private static final String FEED_WORDS = " A MISP feed (Sync Actions > Feeds, input source Network, source"
            + " format MISP Feed, URL " + FEED + ", headers 'Authorization: Bearer <token>'): every alert the token's"
            + " user may read, one event each, as the MISP export writes it (tags tlp:*, admiralty-scale:*,"
            + " ewea:handling, ai-computer-assisted). Recorded in the audit trail as an EXPORT.";

    @GetMapping(path = FEED + "/manifest.json", produces = "application/json")
    @Operation(
            summary = "MISP feed: the manifest",
            description = "Each event's uuid with its header (Orgc, Tag,"
                    + " info, date, analysis, threat_level_id, timestamp, publish_timestamp): MISP fetches the events whose"
                    + " timestamp changed." + FEED_WORDS)
    Mono<Map<String, Object>> feedManifest(@AuthenticationPrincipal User user) {
        return store.call(() -> feed(user).manifest());
    }

    @GetMapping(path = FEED + "/hashes.csv", produces = "text/csv")
    @Operation(
            summary = "MISP feed: attribute hashes",
            description = "One line per attribute value (each part of a"
                    + " composite value apart): its MD5, a comma, its event's uuid." + FEED_WORDS)
    Mono<String> feedHashes(@AuthenticationPrincipal User user) {
        return store.call(() -> feed(user).hashes());
    }

    @GetMapping(path = FEED + "/{uuid}.json", produces = "application/json")
    @Operation(
            summary = "MISP feed: one event",
            description = "{\"Event\": ...}; 404 for an event the feed does"
                    + " not hold for the caller (unknown, or above their clearance)." + FEED_WORDS)
    Mono<Map<String, Object>> feedEvent(@AuthenticationPrincipal User user, @PathVariable("uuid") String uuid) {
        if (!uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ApiProblem.invalidParameter("uuid", uuid, "is not a lower-case UUID");
        }
        return store.call(() -> feed(user)
                .event(uuid)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "The feed holds no event " + uuid + ".")));
    }

    private MispFeed feed(User user) {
        return new MispFeed(alerts.all(user.clearance()));
    }

    private List<Alert> select(User user, DayRange range) {
        Instant start = range.first().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = range.last().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return alerts.all(user.clearance()).stream()
                .filter(a -> !a.asOf().isBefore(range.first()) && !a.asOf().isAfter(range.last())
                        || !a.updatedAt().isBefore(start) && a.updatedAt().isBefore(end)
                        || !a.raisedAt().isBefore(start) && a.raisedAt().isBefore(end))
                .toList();
    }

    private DayRange range(@Nullable String from, @Nullable String to) {
        LocalDate last = to == null
                ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : RequestValues.dayParameter("to", to);
        LocalDate first = from == null ? last.minusDays(29) : RequestValues.dayParameter("from", from);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidParameter("from", from, "is after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiProblem.invalidParameter("from", from, "the range is longer than " + MAX_DAYS + " days");
        }
        return new DayRange(first, last);
    }
}
