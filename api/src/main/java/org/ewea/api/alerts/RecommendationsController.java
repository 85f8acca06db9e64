package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.InstantSource;
import java.time.LocalDate;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.ActionStatus;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.RequestValues;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Early-action recommendations planned for alerts, tracked with owner, assignee, status and due date. */
@RestController
@Tag(name = "Recommendations", description = "Early actions from the methodology's playbooks, tracked to done")
class RecommendationsController {

    static final int MAX_SIZE = 100;
    static final int MAX_NOTE = 4_000;

    private final ActionRepository actions;
    private final BlockingStore store;
    private final InstantSource clock;

    RecommendationsController(ActionRepository actions, BlockingStore store, InstantSource clock) {
        this.actions = actions;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/recommendations", produces = "application/json")
    @Operation(
            summary = "Tracked early actions, soonest due first",
            description = "Every alert gets the playbook recommendations for its top-level category and stage, for"
                    + " every audience (analyst, policy, operational, training), each owned by the playbook's role"
                    + " and due after its review period. Only those of alerts the caller is cleared for.")
    Mono<PageResponse<EarlyAction>> list(
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
            @Parameter(description = "OPEN, IN_PROGRESS, DONE or DROPPED")
                    @RequestParam(name = "status", required = false)
                    @Nullable
                    String status,
            @Parameter(description = "analyst, policy, operational or training")
                    @RequestParam(name = "audience", required = false)
                    @Nullable
                    String audience,
            @Parameter(description = "the alert's id") @RequestParam(name = "alertId", required = false) @Nullable
                    String alertId,
            @Parameter(description = "the owning role, e.g. Strategic analyst")
                    @RequestParam(name = "owner", required = false)
                    @Nullable
                    String owner) {
        ActionStatus wanted = status == null ? null : RequestValues.enumParameter(ActionStatus.class, "status", status);
        var query = new ActionRepository.Query(wanted, audience, alertId, owner, user.clearance());
        return store.call(() -> new PageResponse<>(actions.page(query, page, size), page, size, actions.count(query)));
    }

    @PatchMapping(path = "/api/v1/recommendations/{id}", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Update a tracked early action (ANALYST, POLICY, ADMIN)",
            description = "Any of status, assignee, due date and note; 409 when the version given is not the"
                    + " action's current one.")
    Mono<EarlyAction> update(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestBody AlertRequests.ActionChange change) {
        ActionStatus status =
                change.status() == null ? null : RequestValues.enumField(ActionStatus.class, "status", change.status());
        LocalDate due = RequestValues.dayField("due", change.due());
        if (change.note() != null && change.note().length() > MAX_NOTE) {
            throw ApiProblem.invalidField("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (change.assignee() != null
                && (change.assignee().isBlank() || change.assignee().length() > 64)) {
            throw ApiProblem.invalidField("assignee", "must be 1 to 64 characters");
        }
        return store.call(() -> {
            EarlyAction a = actions.find(id)
                    .filter(found -> user.cleared(found.tlp(), found.handling()))
                    .orElseThrow(() -> AlertProblems.notFound("recommendation", id));
            if (change.version() != null && change.version() != a.version()) {
                throw new ApiProblem(
                        ProblemType.CONFLICT,
                        "The recommendation was changed by someone else in the"
                                + " meantime: re-read it and try again.");
            }
            EarlyAction changed = a.changed(change.assignee(), status, due, change.note(), clock.instant());
            if (!actions.replace(changed, a.version())) {
                throw new ApiProblem(
                        ProblemType.CONFLICT,
                        "The recommendation was changed by someone else in the"
                                + " meantime: re-read it and try again.");
            }
            return changed;
        });
    }
}
