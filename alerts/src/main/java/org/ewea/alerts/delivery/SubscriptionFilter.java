package org.ewea.alerts.delivery;

import java.util.List;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.Priority;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/**
 * Which alert events a subscription wants; empty lists and nulls do not filter.
 *
 * @param technologies taxonomy ids: an alert about the technology or anything narrower (an entity counts under the
 *     category it is assessed with)
 * @param crimeAreas crime areas of the alert's technology (taxonomy crimeAreas)
 * @param kinds subject kinds (technology, cve, attack-group, attack-software, term, watch-term, source)
 * @param stages stage ids
 * @param maxPriority the lowest priority wanted (P2: P1 and P2)
 * @param minGrade the weakest best-evidence grade wanted (B2: A1..B2); alerts without a grade do not pass
 * @param maxTlp a marking cap below the owner's clearance
 * @param types event types (raised, updated, transition, feedback); empty: raised and updated
 */
public record SubscriptionFilter(
        @Nullable List<String> technologies,
        @Nullable List<String> crimeAreas,
        @Nullable List<String> kinds,
        @Nullable List<String> stages,
        @Nullable String maxPriority,
        @Nullable String minGrade,
        @Nullable Tlp maxTlp,
        @Nullable List<String> types) {

    public static final List<String> DEFAULT_TYPES = List.of("raised", "updated");
    public static final List<String> TYPES = List.of("raised", "updated", "transition", "feedback");

    public SubscriptionFilter {
        technologies = technologies == null ? List.of() : List.copyOf(technologies);
        crimeAreas = crimeAreas == null ? List.of() : List.copyOf(crimeAreas);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        stages = stages == null ? List.of() : List.copyOf(stages);
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static SubscriptionFilter everything() {
        return new SubscriptionFilter(null, null, null, null, null, null, null, null);
    }

    /** The same filter for these event types. */
    public SubscriptionFilter withTypes(List<String> wanted) {
        return new SubscriptionFilter(technologies, crimeAreas, kinds, stages, maxPriority, minGrade, maxTlp, wanted);
    }

    /** Whether the event passes (the owner's clearance is checked separately). */
    public boolean matches(AlertEvent e, Methodology methodology) {
        List<String> wanted = types.isEmpty() ? DEFAULT_TYPES : types;
        if (!wanted.contains(e.type())) {
            return false;
        }
        if (maxTlp != null && !e.tlp().isAtMost(maxTlp)) {
            return false;
        }
        if (!kinds.isEmpty() && !kinds.contains(e.subject().kind())) {
            return false;
        }
        if (!stages.isEmpty() && (e.stage() == null || !stages.contains(e.stage()))) {
            return false;
        }
        if (maxPriority != null
                && (e.priority() == null || rank(e.priority(), methodology) > rank(maxPriority, methodology))) {
            return false;
        }
        if (minGrade != null
                && (e.grade() == null || !atLeast(AdmiraltyGrade.parse(e.grade()), AdmiraltyGrade.parse(minGrade)))) {
            return false;
        }
        List<Technology> path = path(e, methodology);
        if (!technologies.isEmpty() && path.stream().noneMatch(t -> technologies.contains(t.id()))) {
            return false;
        }
        return crimeAreas.isEmpty()
                || path.stream().anyMatch(t -> t.crimeAreas().stream().anyMatch(crimeAreas::contains));
    }

    private static List<Technology> path(AlertEvent e, Methodology methodology) {
        if (e.subject().kind().equals("technology")) {
            return methodology.taxonomy().path(e.subject().id());
        }
        return e.category() == null ? List.of() : methodology.taxonomy().path(e.category());
    }

    private static boolean atLeast(AdmiraltyGrade grade, AdmiraltyGrade floor) {
        return grade.source().ordinal() <= floor.source().ordinal()
                && grade.information().code() <= floor.information().code();
    }

    static int rank(String priority, Methodology methodology) {
        List<Priority> all = methodology.riskMatrix().priorities();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(priority)) {
                return i;
            }
        }
        return all.size();
    }
}
