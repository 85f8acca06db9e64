package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ewea.alerts.delivery.Channel;
import org.ewea.alerts.delivery.Delivery;
import org.ewea.alerts.delivery.DeliveryRepository;
import org.ewea.alerts.delivery.Subscription;
import org.ewea.alerts.delivery.SubscriptionFilter;
import org.ewea.alerts.delivery.SubscriptionRepository;
import org.ewea.api.config.AlertsProperties;
import org.ewea.api.security.Permission;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.RequestValues;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.Priority;
import org.ewea.methodology.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Users' subscriptions to alert events, and the deliveries made for them (with the dead letters). */
@RestController
@Tag(name = "Subscriptions", description = "Filtered alert events by SSE, signed webhook or e-mail; deliveries")
class SubscriptionsController {

    static final int MAX_SIZE = 100;
    static final int MAX_PER_USER = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");
    private static final List<String> KINDS =
            List.of("technology", "cve", "attack-group", "attack-software", "term", "watch-term", "source");

    /** A new subscription. */
    record SubscriptionRequest(
            @Schema(description = "a short name", example = "Voice cloning to the fraud desk") @Nullable
            String name,

            @Schema(description = "the team it serves (a label shown with it)") @Nullable
            String team,

            @Schema(description = "sse, webhook or email", example = "webhook") @Nullable
            String channel,

            @Schema(description = "webhook: the https (or http) URL to POST to") @Nullable
            String url,

            @Schema(description = "email: the address") @Nullable
            String email,

            @Nullable SubscriptionFilter filter) {}

    /** A subscription as created: for a webhook, the signing secret, shown this once. */
    record Created(Subscription subscription, @Nullable String secret) {}

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Methodology methodology;
    private final AlertsProperties properties;
    private final BlockingStore store;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    SubscriptionsController(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            Methodology methodology,
            AlertsProperties properties,
            BlockingStore store,
            InstantSource clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.methodology = methodology;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/subscriptions", produces = "application/json")
    @Operation(summary = "The caller's subscriptions (ADMIN: everyone's with all=true)")
    Mono<List<Subscription>> list(
            @AuthenticationPrincipal User user,
            @Parameter(description = "ADMIN only: every user's") @RequestParam(name = "all", defaultValue = "false")
                    boolean all) {
        if (all && !user.may(Permission.ADMINISTER)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only an ADMIN lists every user's subscriptions.");
        }
        return store.call(() -> subscriptions.list(all ? null : user.username()).stream()
                .map(Subscription::redacted)
                .toList());
    }

    @PostMapping(path = "/api/v1/subscriptions", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Subscribe to alert events",
            description = "Filters (all optional): technologies (taxonomy ids; narrower entries count), crimeAreas,"
                    + " kinds, stages, maxPriority (P2: P1 and P2), minGrade (best evidence grade at least, e.g."
                    + " B2), maxTlp (a cap below your clearance), types (raised, updated, transition, feedback;"
                    + " default raised and updated). Channels: sse (use GET /api/v1/alerts/stream?subscription=id),"
                    + " webhook (each event POSTed as JSON with X-EWEA-Signature: sha256=HMAC-SHA256(secret,"
                    + " timestamp + '.' + body), X-EWEA-Timestamp and X-EWEA-Event; the secret is answered once,"
                    + " here), email (needs EWEA_ALERTS_SMTP_HOST). You only ever receive what you are cleared"
                    + " for. Deliveries are stored before they are sent, retried with backoff, and end as dead"
                    + " letters you can see and retry.")
    Mono<Created> create(@AuthenticationPrincipal User user, @RequestBody SubscriptionRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiProblem.invalidField("name", "is required, 1 to 200 characters");
        }
        if (request.team() != null
                && (request.team().isBlank() || request.team().length() > 100)) {
            throw ApiProblem.invalidField("team", "must be 1 to 100 characters");
        }
        if (request.channel() == null) {
            throw ApiProblem.invalidField("channel", "is required: sse, webhook or email");
        }
        Channel channel;
        try {
            channel = Channel.of(request.channel());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("channel", e.getMessage());
        }
        URI url = channel == Channel.WEBHOOK ? url(request.url()) : null;
        String email = channel == Channel.EMAIL ? email(request.email()) : null;
        SubscriptionFilter filter = request.filter() == null ? SubscriptionFilter.everything() : request.filter();
        check(filter, user);
        String secret = channel == Channel.WEBHOOK ? secret() : null;
        Subscription subscription = new Subscription(
                UUID.randomUUID().toString(),
                user.username(),
                request.team(),
                name,
                filter,
                channel,
                url,
                secret,
                email,
                true,
                clock.instant());
        return store.call(() -> {
            if (subscriptions.list(user.username()).size() >= MAX_PER_USER) {
                throw new ApiProblem(
                        ProblemType.CONFLICT,
                        "You have " + MAX_PER_USER + " subscriptions already;" + " delete some first.");
            }
            subscriptions.save(subscription);
            return new Created(subscription.redacted(), secret);
        });
    }

    @GetMapping(path = "/api/v1/subscriptions/{id}", produces = "application/json")
    @Operation(summary = "One of the caller's subscriptions (ADMIN: anyone's)")
    Mono<Subscription> get(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> owned(user, id).redacted());
    }

    @DeleteMapping(path = "/api/v1/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of the caller's subscriptions (ADMIN: anyone's); pending deliveries die")
    Mono<Void> delete(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> {
                    owned(user, id);
                    return subscriptions.delete(id);
                })
                .then();
    }

    @GetMapping(path = "/api/v1/deliveries", produces = "application/json")
    @Operation(
            summary = "Deliveries of the caller's subscriptions, newest first (ADMIN: everyone's)",
            description = "status=DEAD lists the dead letters: deliveries that failed every attempt, with the last"
                    + " error.")
    Mono<PageResponse<Delivery>> deliveries(
            @AuthenticationPrincipal User user,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and 10000")
                    @Max(value = 10_000, message = "must be between 0 and 10000")
                    int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
                    @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
                    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
                    int size,
            @Parameter(description = "PENDING, DELIVERED or DEAD")
                    @RequestParam(name = "status", required = false)
                    @Nullable
                    String status,
            @Parameter(description = "one subscription")
                    @RequestParam(name = "subscriptionId", required = false)
                    @Nullable
                    String subscriptionId) {
        Delivery.Status wanted =
                status == null ? null : RequestValues.enumParameter(Delivery.Status.class, "status", status);
        String owner = user.may(Permission.ADMINISTER) ? null : user.username();
        return store.call(() -> new PageResponse<>(
                deliveries.page(wanted, owner, subscriptionId, page, size),
                page,
                size,
                deliveries.count(wanted, owner, subscriptionId)));
    }

    @PostMapping(path = "/api/v1/deliveries/{id}/retry", produces = "application/json")
    @Operation(summary = "Send a dead letter again (its owner or ADMIN)", description = "409 when it is not dead.")
    Mono<Delivery> retry(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> {
            Delivery d = deliveries
                    .find(id)
                    .filter(found ->
                            user.may(Permission.ADMINISTER) || found.owner().equals(user.username()))
                    .orElseThrow(() -> AlertProblems.notFound("delivery", id));
            if (!deliveries.retry(id, clock.instant())) {
                throw new ApiProblem(
                        ProblemType.CONFLICT,
                        "Delivery " + id + " is " + d.status() + ", not DEAD: only dead letters are retried.");
            }
            return deliveries.find(id).orElseThrow();
        });
    }

    private Subscription owned(User user, String id) {
        return subscriptions
                .find(id)
                .filter(s -> user.may(Permission.ADMINISTER) || s.owner().equals(user.username()))
                .orElseThrow(() -> AlertProblems.notFound("subscription", id));
    }

    private URI url(@Nullable String value) {
        if (value == null || value.length() > 2000) {
            throw ApiProblem.invalidField("url", "is required for a webhook, at most 2000 characters");
        }
        try {
            URI url = new URI(value);
            if (url.getScheme() == null
                    || !List.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))
                    || url.getHost() == null
                    || url.getUserInfo() != null) {
                throw ApiProblem.invalidField("url", "must be an absolute http or https URL without credentials");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ApiProblem.invalidField("url", "is not a URL: " + e.getReason());
        }
    }

    private String email(@Nullable String value) {
        if (!properties.smtp().configured()) {
            throw new ApiProblem(
                    ProblemType.UNPROCESSABLE,
                    "E-mail is not configured on this installation"
                            + " (EWEA_ALERTS_SMTP_HOST): use a webhook or the SSE stream.");
        }
        if (value == null || !EMAIL.matcher(value).matches()) {
            throw ApiProblem.invalidField("email", "is required for e-mail, a valid address");
        }
        return value;
    }

    private void check(SubscriptionFilter f, User user) {
        for (String t : f.technologies()) {
            if (methodology.taxonomy().find(t).isEmpty()) {
                throw ApiProblem.invalidField("filter.technologies", "there is no taxonomy entry '" + t + "'");
            }
        }
        for (String kind : f.kinds()) {
            if (!KINDS.contains(kind)) {
                throw ApiProblem.invalidField("filter.kinds", "unknown kind '" + kind + "': expected one of " + KINDS);
            }
        }
        List<String> stages =
                methodology.stages().stages().stream().map(Stage::id).toList();
        for (String stage : f.stages()) {
            if (!stages.contains(stage)) {
                throw ApiProblem.invalidField(
                        "filter.stages", "unknown stage '" + stage + "': expected one of " + stages);
            }
        }
        List<String> priorities =
                methodology.riskMatrix().priorities().stream().map(Priority::id).toList();
        if (f.maxPriority() != null && !priorities.contains(f.maxPriority())) {
            throw ApiProblem.invalidField("filter.maxPriority", "must be one of " + priorities);
        }
        if (f.minGrade() != null) {
            try {
                AdmiraltyGrade.parse(f.minGrade());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("filter.minGrade", e.getMessage());
            }
        }
        if (f.maxTlp() != null && !f.maxTlp().isAtMost(user.maxTlp())) {
            throw ApiProblem.invalidField(
                    "filter.maxTlp", "is above your clearance (" + user.maxTlp().label() + ")");
        }
        for (String type : f.types()) {
            if (!SubscriptionFilter.TYPES.contains(type)) {
                throw ApiProblem.invalidField(
                        "filter.types",
                        "unknown event type '" + type + "': expected one of " + SubscriptionFilter.TYPES);
            }
        }
        if (!f.crimeAreas().isEmpty() && f.crimeAreas().size() > 50) {
            throw ApiProblem.invalidField("filter.crimeAreas", "at most 50");
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
