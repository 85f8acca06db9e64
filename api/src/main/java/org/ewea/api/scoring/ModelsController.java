package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.PageResponse;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.WarningModelFile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The early-warning models the registry holds. */
@RestController
@Tag(name = "Models", description = "Versioned early-warning models")
class ModelsController {

    /** A model file and whether it is the one scores are computed with. */
    record ModelView(boolean current, boolean shipped, WarningModelFile model) {
    }

    private final ModelRegistry models;
    private final BlockingStore store;

    ModelsController(ModelRegistry models, BlockingStore store) {
        this.models = models;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/models", produces = "application/json")
    @Operation(summary = "Every early-warning model, newest first, then the one shipped in the jar",
            description = "Each with its training data range, the day its labels were known, the label horizon,"
                    + " seed, cross-validated metrics, methodology version, whether it is approved, and its"
                    + " coefficients. current marks the model scores are computed with: the latest approved one"
                    + " stored, else the shipped default.")
    Mono<PageResponse<ModelView>> list() {
        return store.call(() -> {
            String current = models.current().id();
            List<WarningModelFile> all = models.all();
            String shipped = all.getLast().id();
            List<ModelView> views = all.stream().map(m -> new ModelView(m.id().equals(current),
                    m.id().equals(shipped), m)).toList();
            return new PageResponse<>(views, 0, views.size(), views.size());
        });
    }
}
