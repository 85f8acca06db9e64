package org.ewea.scoring.warning;

import java.util.Map;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.HarmProfile;
import org.ewea.methodology.taxonomy.Technology;

/**
 * The harm profile a subject is assessed with until an analyst says otherwise: a technology's own; for a CVE that of
 * {@code exploit-markets}; for ATT&CK groups, software and novel terms that of {@code crime-as-a-service}.
 */
public final class SubjectHarm {

    private static final Map<String, String> ENTITY_HARM = Map.of(
            "cve", "exploit-markets", "attack-group", "crime-as-a-service", "attack-software", "crime-as-a-service");
    private static final HarmProfile MODERATE = new HarmProfile(2, 2, 2, 2, 2, 2, 2);

    private SubjectHarm() {}

    /** The default harm profile of the subject of a kind ({@code technology} or an entity type) and series. */
    public static HarmProfile of(Methodology methodology, String kind, String series) {
        String technology = kind.equals("technology") ? series : ENTITY_HARM.getOrDefault(kind, "crime-as-a-service");
        return methodology
                .taxonomy()
                .find(technology)
                .or(() -> methodology.taxonomy().find("crime-as-a-service"))
                .map(Technology::harm)
                .orElse(MODERATE);
    }
}
