package org.ewea.alerts.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.HistoryEntry;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * Turns triggers into alerts, one per development (rule and subject):
 * <ul>
 *   <li>no open alert, and the last one closed longer ago than the rule's cooldown (or never): a new alert, NEW;</li>
 *   <li>an open alert: it is updated in place (summary, evidence, facts, trigger count); a change of stage or
 *       priority, a score moving by {@value #SCORE_STEP} or more, or a stricter marking is recorded in its history
 *       and announced as an event, anything else is counted quietly;</li>
 *   <li>closed within the cooldown: suppressed.</li>
 * </ul>
 * The alert and its event are stored before anyone is told (the event log is the outbox). Ids derive from the
 * development and the time raised, so a replay on a simulated clock raises the same ids. All calls block.
 */
public final class AlertRaiser {

    static final double SCORE_STEP = 0.1;
    private static final int ATTEMPTS = 3;

    private final AlertRepository alerts;
    private final AlertEventLog events;
    private final InstantSource clock;

    public AlertRaiser(AlertRepository alerts, AlertEventLog events, InstantSource clock) {
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    public RaiseOutcome raise(Trigger trigger) {
        return raise(trigger, clock.instant());
    }

    /** Raises or updates the trigger's alert as at {@code now} (a replay's simulated time). */
    public RaiseOutcome raise(Trigger trigger, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryRaise(trigger, now);
            } catch (AlertRepository.ConcurrentChangeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private RaiseOutcome tryRaise(Trigger trigger, Instant now) {
        Optional<Alert> open = alerts.findOpen(trigger.groupKey());
        if (open.isPresent()) {
            return update(open.get(), trigger, now);
        }
        Optional<Alert> closed = alerts.lastClosed(trigger.groupKey());
        if (closed.isPresent()
                && closed.get().closedAt() != null
                && now.isBefore(closed.get().closedAt().plus(trigger.rule().quiet()))) {
            return new RaiseOutcome(RaiseOutcome.Kind.SUPPRESSED, null, null);
        }
        Alert alert = new Alert(
                id(trigger.groupKey(), now),
                trigger.groupKey(),
                trigger.rule().id(),
                trigger.rule().name(),
                trigger.subject(),
                trigger.title(),
                trigger.summary(),
                AlertState.NEW,
                trigger.score(),
                trigger.stage(),
                trigger.priority(),
                trigger.category(),
                trigger.tlp(),
                trigger.handling(),
                trigger.grade(),
                trigger.evidence(),
                trigger.facts(),
                trigger.asOf(),
                now,
                now,
                1,
                null,
                List.of(new HistoryEntry(now, "system", "RAISED", null, AlertState.NEW, trigger.summary())),
                null,
                List.of(),
                0);
        if (!alerts.insert(alert)) {
            // raised meanwhile by another instance: count this trigger on it
            return alerts.findOpen(trigger.groupKey())
                    .map(a -> update(a, trigger, now))
                    .orElseThrow(() -> new AlertRepository.ConcurrentChangeException(alert.id()));
        }
        events.append("raised", now, alert, trigger.summary());
        return new RaiseOutcome(RaiseOutcome.Kind.RAISED, alert, null);
    }

    private RaiseOutcome update(Alert open, Trigger t, Instant now) {
        String change = change(open, t);
        List<HistoryEntry> history = new ArrayList<>(open.history());
        if (change != null) {
            history.add(new HistoryEntry(now, "system", "UPDATED", open.state(), open.state(), change));
        }
        // an analyst's assessed priority stands until they assess again
        String priority = open.assessment() != null ? open.priority() : t.priority();
        Alert updated = new Alert(
                open.id(),
                open.groupKey(),
                open.ruleId(),
                open.ruleName(),
                t.subject(),
                t.title(),
                t.summary(),
                open.state(),
                t.score(),
                t.stage(),
                priority,
                t.category(),
                Tlp.mostRestrictive(open.tlp(), t.tlp()),
                Handling.mostRestrictive(open.handling(), t.handling()),
                t.grade(),
                t.evidence(),
                t.facts(),
                t.asOf(),
                open.raisedAt(),
                change == null ? open.updatedAt() : now,
                open.triggers() + 1,
                null,
                history,
                open.assessment(),
                open.feedback(),
                open.version() + 1);
        alerts.replace(updated, open.version());
        if (change == null) {
            return new RaiseOutcome(RaiseOutcome.Kind.UNCHANGED, updated, null);
        }
        events.append("updated", now, updated, change);
        return new RaiseOutcome(RaiseOutcome.Kind.UPDATED, updated, change);
    }

    /** What changed materially, in words, or null. */
    static @Nullable String change(Alert open, Trigger t) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(open.stage(), t.stage())) {
            changes.add("stage " + open.stage() + " -> " + t.stage());
        }
        if (open.assessment() == null && !Objects.equals(open.priority(), t.priority())) {
            changes.add("priority " + open.priority() + " -> " + t.priority());
        }
        if (open.score() != null && t.score() != null && Math.abs(open.score() - t.score()) >= SCORE_STEP
                || (open.score() == null) != (t.score() == null)) {
            changes.add(String.format(Locale.ROOT, "score %s -> %s", percent(open.score()), percent(t.score())));
        }
        if (!t.tlp().isAtMost(open.tlp())) {
            changes.add("marking " + open.tlp().label() + " -> " + t.tlp().label());
        }
        return changes.isEmpty() ? null : String.join("; ", changes);
    }

    private static String percent(@Nullable Double score) {
        return score == null ? "none" : String.format(Locale.ROOT, "%.0f%%", 100 * score);
    }

    static String id(String groupKey, Instant raised) {
        return UUID.nameUUIDFromBytes((groupKey + "|" + raised).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
