package org.ewea.alerts.engine;

import java.util.List;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/**
 * The top-level taxonomy category a subject's recommendations come from: a technology's own; for an entity, the
 * category of the technology whose harm it is assessed with (see {@link org.ewea.scoring.warning.SubjectHarm}).
 */
final class SubjectCategory {

    private SubjectCategory() {}

    static @Nullable String of(Methodology methodology, String kind, String series) {
        String technology = switch (kind) {
            case "technology" -> series;
            case "cve" -> "exploit-markets";
            case "attack-group", "attack-software", "term" -> "crime-as-a-service";
            default -> null;
        };
        if (technology == null) {
            return null;
        }
        List<Technology> path = methodology.taxonomy().path(technology);
        return path.isEmpty() ? null : path.getLast().id();
    }
}
