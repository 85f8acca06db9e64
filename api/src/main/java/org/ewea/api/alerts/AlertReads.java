package org.ewea.api.alerts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.MachineProvenance;
import org.ewea.api.items.ItemView;
import org.ewea.api.security.User;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;

/**
 * Reading an alert as a user may: the one place that says "an alert the reader is cleared for, with only the
 * evidence and early actions the reader is cleared for". The REST API, the web UI and exercises (over an exercise's
 * own stores) all read alerts through it. All calls block.
 */
public final class AlertReads {

    /** The most early actions listed with an alert. */
    static final int MAX_ACTIONS = 200;

    /**
     * One alert as its reader sees it.
     *
     * @param alert the alert (the reader is cleared for its marking)
     * @param evidence its evidence items the reader is cleared for
     * @param actions its early actions the reader is cleared for
     * @param next the states it can move to
     * @param provenance what of it a model made, and whether an analyst reviewed it
     */
    public record AlertDetail(
            Alert alert,
            List<ItemView> evidence,
            List<EarlyAction> actions,
            Set<AlertState> next,
            MachineProvenance provenance) {}

    private final AlertRepository alerts;
    private final ItemRepository items;
    private final ActionRepository actions;

    public AlertReads(AlertRepository alerts, ItemRepository items, ActionRepository actions) {
        this.alerts = alerts;
        this.items = items;
        this.actions = actions;
    }

    /** The alert, when there is one and the user is cleared for its marking. */
    public Optional<Alert> cleared(User user, String id) {
        return alerts.find(id).filter(a -> user.cleared(a.tlp(), a.handling()));
    }

    /** The alert with what of its evidence and early actions the user is cleared for. */
    public Optional<AlertDetail> detail(User user, String id) {
        return cleared(user, id)
                .map(alert -> new AlertDetail(
                        alert,
                        items
                                .findAnnotated(
                                        alert.evidence().stream()
                                                .map(ItemId::new)
                                                .toList(),
                                        user.clearance())
                                .stream()
                                .map(ItemView::of)
                                .toList(),
                        actions.page(
                                new ActionRepository.Query(null, null, alert.id(), null, user.clearance()),
                                0,
                                MAX_ACTIONS),
                        alert.state().next(),
                        MachineProvenance.of(alert)));
    }
}
