package org.ewea.api.methodology;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.api.methodology.MethodologyViews.GradeView;
import org.ewea.api.methodology.MethodologyViews.GradingSchemeView;
import org.ewea.api.methodology.MethodologyViews.MethodologyView;
import org.ewea.api.methodology.MethodologyViews.StagesView;
import org.ewea.api.methodology.MethodologyViews.TechnologyView;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.methodology.Handling;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.grading.Grade;
import org.ewea.methodology.grading.GradingScheme;
import org.ewea.methodology.grading.InvalidGradeException;
import org.ewea.methodology.playbook.Recommendation;
import org.ewea.methodology.risk.RiskMatrix;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The EW/EA method in force. Everything here is in memory: no store calls, nothing blocks. */
@RestController
@RequestMapping(path = "/api/v1/methodology", produces = "application/json")
@Tag(name = "Methodology", description = "Taxonomy, playbooks, grading schemes, stages and risk matrix in force")
class MethodologyController {

    private static final String SIZE_MESSAGE = "must be between 1 and 200";
    private static final String PAGE_MESSAGE = "must be between 0 and 1000000";

    private final Methodology methodology;

    MethodologyController(Methodology methodology) {
        this.methodology = methodology;
    }

    @GetMapping
    @Operation(
            summary = "The methodology in force and its version id",
            description = "The version id (declared version + digest of the definitions in force) is recorded with"
                    + " every score and alert made under it.")
    MethodologyView methodology() {
        return MethodologyView.of(methodology);
    }

    @GetMapping("/technologies")
    @Operation(
            summary = "Taxonomy entries, in definition order",
            description = "q filters by id, label in any language, acronym or description, case and diacritics"
                    + " folded (\"stimmklonen\" finds voice-cloning).")
    PageResponse<TechnologyView> technologies(
            @Parameter(description = "Text to look for")
                    @RequestParam(name = "q", required = false)
                    @Size(max = 200, message = "must be at most 200 characters")
                    @Nullable
                    String q,
            @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = PAGE_MESSAGE)
                    @Max(value = 1_000_000, message = PAGE_MESSAGE)
                    int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = SIZE_MESSAGE)
                    @Max(value = 200, message = SIZE_MESSAGE)
                    int size) {
        List<Technology> found = methodology.taxonomy().search(q == null ? "" : q);
        return PageResponse.of(found, page, size).map(t -> TechnologyView.of(t, methodology.taxonomy()));
    }

    @GetMapping("/technologies/{id}")
    @Operation(summary = "One taxonomy entry")
    TechnologyView technology(@PathVariable("id") String id) {
        return methodology
                .taxonomy()
                .find(id)
                .map(t -> TechnologyView.of(t, methodology.taxonomy()))
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.NOT_FOUND,
                        "There is no technology '" + id + "' in methodology " + methodology.versionId() + "."));
    }

    @GetMapping("/playbooks")
    @Operation(
            summary = "Early-action recommendations",
            description = "Filter by top-level category, stage and audience; with a category, recommendations"
                    + " written for it come before those that apply to every category.")
    PageResponse<Recommendation> playbooks(
            @RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "stage", required = false) @Nullable String stage,
            @RequestParam(name = "audience", required = false) @Nullable String audience,
            @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = PAGE_MESSAGE)
                    @Max(value = 1_000_000, message = PAGE_MESSAGE)
                    int page,
            @RequestParam(name = "size", defaultValue = "50")
                    @Min(value = 1, message = SIZE_MESSAGE)
                    @Max(value = 200, message = SIZE_MESSAGE)
                    int size) {
        List<String> categories =
                methodology.taxonomy().topLevel().stream().map(Technology::id).toList();
        List<String> stages =
                methodology.stages().stages().stream().map(s -> s.id()).toList();
        check("category", category, categories);
        check("stage", stage, stages);
        check("audience", audience, methodology.playbooks().audiences());
        List<Recommendation> found = category != null && stage != null
                ? methodology.playbooks().forCategory(category, stage, audience)
                : methodology.playbooks().recommendations().stream()
                        .filter(r -> category == null
                                || r.categories().contains(category)
                                || r.categories().contains(Recommendation.ALL))
                        .filter(r -> stage == null
                                || r.stages().contains(stage)
                                || r.stages().contains(Recommendation.ALL))
                        .filter(r -> audience == null || r.audience().equals(audience))
                        .toList();
        return PageResponse.of(found, page, size);
    }

    @GetMapping("/grading/schemes")
    @Operation(summary = "Grading schemes with their codes and the mapping between schemes")
    PageResponse<GradingSchemeView> gradingSchemes() {
        List<GradingSchemeView> views = methodology.grading().all().stream()
                .map(scheme -> {
                    Map<String, List<String>> mappings = new LinkedHashMap<>();
                    methodology.grading().all().stream()
                            .filter(other -> !other.id().equals(scheme.id()))
                            .forEach(other -> mappings.put(
                                    other.id(), methodology.grading().mappingTable(scheme.id(), other.id())));
                    return new GradingSchemeView(scheme, mappings);
                })
                .toList();
        return new PageResponse<>(views, 0, Math.max(1, views.size()), views.size());
    }

    @GetMapping("/handling-codes")
    @Operation(
            summary = "Handling codes of every grading scheme, least restrictive first",
            description = "What a source's handling field and a user's maxHandling clearance are written as:"
                    + " none, all, or scheme:code (e.g. europol:H2; a bare code when only one scheme has it)."
                    + " restriction places codes of every scheme on one 0..1 scale: a reader cleared for a code may"
                    + " read material whose code is at most as restrictive.")
    PageResponse<Handling> handlingCodes() {
        var codes = methodology.grading().handlingCodes().all().stream()
                .sorted(Comparator.comparingDouble(Handling::restriction))
                .toList();
        return new PageResponse<>(codes, 0, codes.size(), codes.size());
    }

    @GetMapping("/grading/validate")
    @Operation(
            summary = "Validate a written grade and show its equivalents",
            description = "An invalid grade gives 400 application/problem+json saying what a valid one looks like.")
    GradeView validateGrade(
            @RequestParam("scheme") String scheme,
            @RequestParam("grade") @Size(max = 32, message = "must be at most 32 characters") String grade) {
        try {
            Grade parsed = methodology.grading().parse(scheme, grade);
            Map<String, String> equivalents = new LinkedHashMap<>();
            for (GradingScheme other : methodology.grading().all()) {
                if (!other.id().equals(scheme)) {
                    equivalents.put(
                            other.id(),
                            methodology.grading().convert(parsed, other.id()).text());
                }
            }
            return new GradeView(scheme, parsed.text(), parsed.codes(), equivalents);
        } catch (InvalidGradeException e) {
            throw new ApiProblem(
                    ProblemType.INVALID_PARAMETER,
                    e.getMessage() + ".",
                    List.of(new ApiProblem.FieldError("grade", e.getMessage())));
        }
    }

    @GetMapping("/stages")
    @Operation(summary = "Stages, indicators and stage-transition rules")
    StagesView stages() {
        return new StagesView(
                methodology.stages().stages(),
                methodology.stages().indicators(),
                methodology.stages().transitions());
    }

    @GetMapping("/risk-matrix")
    @Operation(summary = "The risk matrix: harm weights, scales and priority bands")
    RiskMatrix riskMatrix() {
        return methodology.riskMatrix();
    }

    private static void check(String name, @Nullable String value, List<String> known) {
        if (value != null && !known.contains(value)) {
            String message = name + "=" + value + ": must be one of " + String.join(", ", known);
            throw new ApiProblem(
                    ProblemType.INVALID_PARAMETER, message + ".", List.of(new ApiProblem.FieldError(name, message)));
        }
    }
}
