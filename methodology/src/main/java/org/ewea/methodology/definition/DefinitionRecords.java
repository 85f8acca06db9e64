package org.ewea.methodology.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The definition files exactly as written, before validation. Unknown keys are rejected when they are read. */
final class DefinitionRecords {

    private DefinitionRecords() {}

    record MethodologyFile(
            @Nullable String name,
            @Nullable String version,
            @Nullable Languages languages,
            @Nullable List<CrimeAreaEntry> crimeAreas) {}

    record Languages(
            @Nullable List<String> required, @Nullable List<String> oneOf) {}

    record CrimeAreaEntry(@Nullable String id, @Nullable String label) {}

    record TaxonomyFile(@Nullable List<TechnologyEntry> technologies) {}

    record AuthorityWarningsFile(@Nullable List<AuthorityWarningEntry> warnings) {}

    record AuthorityWarningEntry(
            @Nullable String technology,
            @Nullable String authority,
            @Nullable String date,
            @Nullable String title,
            @Nullable String url,
            @Nullable String terms,
            @Nullable String confidence,
            @Nullable String note) {}

    record TechnologyEntry(
            @Nullable String id,
            @Nullable String broader,
            @Nullable Map<String, List<String>> labels,
            @Nullable List<String> acronyms,
            @Nullable String description,
            @Nullable List<String> crimeAreas,
            @Nullable List<String> attack,
            @Nullable List<String> misp,
            @Nullable HarmEntry harm) {}

    record HarmEntry(
            @Nullable Integer physical,
            @Nullable Integer psychological,
            @Nullable Integer financial,
            @Nullable Integer community,
            @Nullable Integer societal,
            @Nullable Integer geographic,
            @Nullable Integer vulnerability) {}

    record GradingFile(@Nullable List<SchemeEntry> schemes) {}

    record SchemeEntry(
            @Nullable String id,
            @Nullable String name,
            @Nullable String description,
            @Nullable List<DimensionEntry> dimensions) {}

    record DimensionEntry(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String name,
            @Nullable Boolean required,
            @JsonProperty("default") @Nullable String defaultCode,
            @Nullable List<CodeEntry> codes) {}

    record CodeEntry(
            @Nullable String code,
            @Nullable String meaning,
            @Nullable Double score,
            @Nullable Boolean unknown) {}

    record StagesFile(
            @Nullable List<StageEntry> stages,
            @Nullable List<IndicatorEntry> indicators,
            @Nullable List<TransitionEntry> transitions) {}

    record StageEntry(
            @Nullable String id,
            @Nullable String name,
            @Nullable String description) {}

    record IndicatorEntry(
            @Nullable String id,
            @Nullable String name,
            @Nullable String unit,
            @Nullable String description,
            @Nullable Map<String, List<String>> cues,
            @Nullable Map<String, List<String>> hedges) {}

    record TransitionEntry(
            @Nullable String from,
            @Nullable String to,
            @Nullable List<ConditionEntry> all,
            @Nullable List<ConditionEntry> any,
            @Nullable String rationale) {}

    record ConditionEntry(
            @Nullable String indicator,
            @Nullable String op,
            @Nullable Double value) {}

    record RiskFile(
            @Nullable List<LevelEntry> harmScale,
            @Nullable Map<String, Double> harmWeights,
            @Nullable List<LevelEntry> likelihood,
            @Nullable List<LevelEntry> position,
            @Nullable List<ConfidenceEntry> confidence,
            @Nullable List<PriorityEntry> priorities) {}

    record LevelEntry(
            @Nullable Integer value,
            @Nullable String label,
            @Nullable Double factor,
            @Nullable String description) {}

    record ConfidenceEntry(
            @Nullable String id,
            @Nullable String label,
            @Nullable Double factor,
            @Nullable String description) {}

    record PriorityEntry(
            @Nullable String id,
            @Nullable String label,
            @Nullable Double minScore,
            @Nullable String review) {}

    record PlaybooksFile(
            @Nullable List<String> audiences,
            @Nullable List<String> actionTypes,
            @Nullable List<RecommendationEntry> recommendations) {}

    record RecommendationEntry(
            @Nullable String id,
            @Nullable List<String> categories,
            @Nullable List<String> stages,
            @Nullable String audience,
            @Nullable String action,
            @Nullable String title,
            @Nullable String text,
            @Nullable String owner,
            @Nullable String review,
            @Nullable String done) {}
}
