package org.ewea.api.methodology;

import java.util.List;
import java.util.Map;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.grading.GradingScheme;
import org.ewea.methodology.risk.HarmProfile;
import org.ewea.methodology.stage.Indicator;
import org.ewea.methodology.stage.Stage;
import org.ewea.methodology.stage.StageTransition;
import org.ewea.methodology.taxonomy.CrimeArea;
import org.ewea.methodology.taxonomy.Taxonomy;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/** What the methodology API answers with. */
final class MethodologyViews {

    private MethodologyViews() {}

    /** The method in force: identity, version id, where it was loaded from and what it holds. */
    record MethodologyView(
            String name,
            String version,
            String versionId,
            List<String> sources,
            List<String> languages,
            Map<String, Integer> counts,
            List<CrimeArea> crimeAreas,
            List<Stage> stages) {

        static MethodologyView of(Methodology m) {
            return new MethodologyView(
                    m.name(),
                    m.version(),
                    m.versionId(),
                    m.sources(),
                    m.languages(),
                    Map.of(
                            "technologies",
                            m.taxonomy().size(),
                            "topLevelCategories",
                            m.taxonomy().topLevel().size(),
                            "recommendations",
                            m.playbooks().recommendations().size(),
                            "gradingSchemes",
                            m.grading().all().size(),
                            "stages",
                            m.stages().stages().size()),
                    List.copyOf(m.taxonomy().crimeAreas()),
                    m.stages().stages());
        }
    }

    /** A taxonomy entry, with its place in the hierarchy. */
    record TechnologyView(
            String id,
            String name,
            @Nullable String broader,
            String topLevel,
            List<String> path,
            List<String> narrower,
            Map<String, List<String>> labels,
            List<String> acronyms,
            String description,
            List<String> crimeAreas,
            List<String> attackIds,
            List<String> mispGalaxies,
            HarmProfile harm) {

        static TechnologyView of(Technology t, Taxonomy taxonomy) {
            return new TechnologyView(
                    t.id(),
                    t.name(),
                    t.broader(),
                    taxonomy.topLevelOf(t.id()).id(),
                    taxonomy.path(t.id()).stream().map(Technology::id).toList(),
                    taxonomy.narrower(t.id()).stream().map(Technology::id).toList(),
                    t.labels(),
                    t.acronyms(),
                    t.description(),
                    t.crimeAreas(),
                    t.attackIds(),
                    t.mispGalaxies(),
                    t.harm());
        }
    }

    /** Stages, indicators and transition rules. */
    record StagesView(List<Stage> stages, List<Indicator> indicators, List<StageTransition> transitions) {}

    /** A grading scheme with its mapping into every other scheme. */
    record GradingSchemeView(GradingScheme scheme, Map<String, List<String>> mappings) {}

    /** A written grade, validated, with its equivalent in every other scheme. */
    record GradeView(String scheme, String grade, Map<String, String> codes, Map<String, String> equivalents) {}
}
