package org.ewea.alerts.action;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ewea.alerts.alert.Alert;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.playbook.Recommendation;

/**
 * Plans an alert's early actions from the playbooks: every recommendation for the alert's top-level category and
 * stage, for every audience, each owned by the recommendation's role and due after its review period. Planning again
 * (the alert moved to a new stage) adds the new stage's recommendations and keeps the ones already tracked. Alerts
 * without a category (collection gaps) get none. All calls block.
 */
public final class ActionPlanner {

    private final Methodology methodology;
    private final ActionRepository actions;
    private final InstantSource clock;

    public ActionPlanner(Methodology methodology, ActionRepository actions, InstantSource clock) {
        this.methodology = methodology;
        this.actions = actions;
        this.clock = clock;
    }

    /** The actions newly planned for the alert. */
    public List<EarlyAction> plan(Alert alert) {
        return plan(alert, clock.instant());
    }

    /** The actions newly planned for the alert, planned at {@code now} (a replay's simulated time). */
    public List<EarlyAction> plan(Alert alert, Instant now) {
        if (alert.category() == null) {
            return List.of();
        }
        String stage = alert.stage() == null ? "weak-signal" : alert.stage();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<EarlyAction> planned = new ArrayList<>();
        for (Recommendation r : methodology.playbooks().forCategory(alert.category(), stage, null)) {
            EarlyAction action = new EarlyAction(
                    alert.id() + ":" + r.id(),
                    alert.id(),
                    alert.title(),
                    r.id(),
                    r.audience(),
                    r.action(),
                    r.title(),
                    r.text(),
                    r.owner(),
                    null,
                    ActionStatus.OPEN,
                    today.plus(r.review()),
                    r.done(),
                    alert.category(),
                    stage,
                    alert.tlp(),
                    alert.handling(),
                    null,
                    now,
                    now,
                    0);
            if (actions.insertIfAbsent(action)) {
                planned.add(action);
            }
        }
        return planned;
    }
}
