package org.ewea.methodology.taxonomy;

import java.util.List;
import java.util.Map;
import org.ewea.methodology.risk.HarmProfile;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the taxonomy: a criminal technology or crime enabler.
 *
 * @param id stable id, lower-case with hyphens, e.g. {@code voice-cloning}
 * @param broader the id of the broader entry, or null for a top-level category
 * @param labels labels, synonyms and slang by language (BCP 47 code); the first English label is the preferred name
 * @param acronyms short forms matched case-sensitively only (e.g. {@code RaaS}), to avoid matching common words
 * @param description what it is and how criminals use it
 * @param crimeAreas ids of the crime areas it serves
 * @param attackIds related MITRE ATT&CK ids (techniques, software, groups) where one exists
 * @param mispGalaxies related MISP galaxy cluster references where one exists
 * @param harm default harm profile (inherited from the broader entry when not given)
 */
public record Technology(
        String id,
        @Nullable String broader,
        Map<String, List<String>> labels,
        List<String> acronyms,
        String description,
        List<String> crimeAreas,
        List<String> attackIds,
        List<String> mispGalaxies,
        HarmProfile harm) {

    public Technology {
        labels = Map.copyOf(labels);
        acronyms = List.copyOf(acronyms);
        crimeAreas = List.copyOf(crimeAreas);
        attackIds = List.copyOf(attackIds);
        mispGalaxies = List.copyOf(mispGalaxies);
    }

    /** The preferred English name. */
    public String name() {
        List<String> english = labels.get("en");
        return english == null || english.isEmpty() ? id : english.getFirst();
    }

    public boolean isTopLevel() {
        return broader == null;
    }
}
