package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ModelTraining;
import org.ewea.scoring.warning.WarningModelFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The early-warning models the registry holds. */
@RestController
@Tag(name = "Models", description = "Versioned early-warning models")
class ModelsController {

    /** A model file and whether it is the one scores are computed with. */
    record ModelView(boolean current, boolean shipped, WarningModelFile model) {}

    /** What to train on; every field optional. */
    record TrainRequest(
            @Schema(description = "first scoring day (default: 365 days before to)", example = "2025-10-31") @Nullable
            String from,

            @Schema(
                    description = "last scoring day (default and latest: horizonDays before today)",
                    example = "2026-02-12")
            @Nullable
            String to,

            @Schema(description = "label horizon in days, 7 to 365 (default 90)", example = "90") @Nullable
            Integer horizonDays,

            @Schema(description = "cross-validation seed (default 42)", example = "42") @Nullable
            Long seed) {}

    private final ModelRegistry models;
    private final ModelTraining training;
    private final BlockingStore store;
    private final InstantSource clock;

    ModelsController(ModelRegistry models, ModelTraining training, BlockingStore store, InstantSource clock) {
        this.models = models;
        this.training = training;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/models", produces = "application/json")
    @Operation(
            summary = "Every early-warning model, newest first, then the one shipped in the jar",
            description = "Each with its training data range, the day its labels were known, the label horizon,"
                    + " seed, cross-validated metrics, methodology version, whether it is approved, and its"
                    + " coefficients. current marks the model scores are computed with: the latest approved one"
                    + " stored, else the shipped default.")
    Mono<PageResponse<ModelView>> list() {
        return store.call(() -> {
            String current = models.current().id();
            List<WarningModelFile> all = models.all();
            String shipped = all.getLast().id();
            List<ModelView> views = all.stream()
                    .map(m -> new ModelView(m.id().equals(current), m.id().equals(shipped), m))
                    .toList();
            return new PageResponse<>(views, 0, views.size(), views.size());
        });
    }

    @GetMapping(path = "/api/v1/models/{id}", produces = "application/json")
    @Operation(summary = "One model file")
    Mono<ModelView> find(@PathVariable("id") String id) {
        return store.call(() -> view(models.find(id).orElseThrow(() -> notFound(id))));
    }

    @PostMapping(path = "/api/v1/models", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Train a model from this install's signal series (the train command)",
            description = "Examples are the days tracked entities were mentioned between from and to, labelled by"
                    + " whether an authoritative source (EWEA_SCORING_AUTHORITATIVE_SOURCES) first reported the"
                    + " entity within horizonDays after; labels known today only, and only days whose whole horizon"
                    + " has passed. Cross-validated with the seed (folds by entity), then fitted on all; the file is"
                    + " stored unapproved (201, Location). 422 when the data holds too few labelled examples.")
    Mono<ResponseEntity<ModelView>> train(@RequestBody(required = false) @Nullable TrainRequest request) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        TrainRequest r = request != null ? request : new TrainRequest(null, null, null, null);
        int horizon = r.horizonDays() != null ? r.horizonDays() : 90;
        if (horizon < 7 || horizon > 365) {
            throw invalidField("horizonDays", horizon, "must be between 7 and 365");
        }
        LocalDate to = r.to() != null ? day("to", r.to()) : today.minusDays(horizon);
        LocalDate from = r.from() != null ? day("from", r.from()) : to.minusDays(365);
        long seed = r.seed() != null ? r.seed() : 42L;
        return store.call(() -> {
            WarningModelFile file;
            try {
                file = training.train(from, to, horizon, seed, now);
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(ProblemType.UNPROCESSABLE, e.getMessage() + ".");
            }
            models.save(file);
            return ResponseEntity.created(URI.create("/api/v1/models/" + file.id()))
                    .body(view(file));
        });
    }

    @PostMapping(path = "/api/v1/models/{id}/approve", produces = "application/json")
    @Operation(summary = "Approve a model: scores use the latest approved model from now on")
    Mono<ModelView> approve(@PathVariable("id") String id) {
        return store.call(() -> {
            WarningModelFile file = models.find(id).orElseThrow(() -> notFound(id));
            if (file.id().equals(models.all().getLast().id())) {
                throw new ApiProblem(ProblemType.CONFLICT, "The shipped model is always approved.");
            }
            models.save(file.approve());
            return view(models.find(id).orElseThrow());
        });
    }

    private ModelView view(WarningModelFile file) {
        List<WarningModelFile> all = models.all();
        return new ModelView(
                file.id().equals(models.current().id()),
                file.id().equals(all.getLast().id()),
                file);
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(ProblemType.NOT_FOUND, "There is no model '" + id + "'.");
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidField(field, value, "is not an ISO date (yyyy-MM-dd)");
        }
    }

    private static ApiProblem invalidField(String field, Object value, String message) {
        return ApiProblem.invalidField(field, "'" + value + "' " + message);
    }
}
