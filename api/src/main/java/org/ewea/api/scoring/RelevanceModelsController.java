package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.relevance.RelevanceFeedback;
import org.ewea.scoring.relevance.RelevanceModels;
import org.ewea.scoring.relevance.RelevanceRetraining;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Analysts' verdicts on items and the relevance models retrained with them. */
@RestController
@Tag(name = "Relevance models", description = "Item relevance: analysts' verdicts and retrained models")
class RelevanceModelsController {

    /** An analyst's verdict on an item. */
    record FeedbackRequest(
            @Schema(description = "whether the item is threat-relevant", example = "true") @Nullable
            Boolean relevant) {}

    /** The item's verdicts and the label they give (null while analysts are split evenly). */
    record FeedbackView(
            String item,
            List<RelevanceFeedback.Verdict> verdicts,
            @Nullable Boolean label) {}

    /** The retrained models, newest first, and which model scores now. */
    record ModelsView(List<RelevanceModels.Info> items, String current, String shipped) {}

    private final RelevanceFeedback feedback;
    private final RelevanceModels models;
    private final RelevanceRetraining retraining;
    private final ItemRelevance relevance;
    private final ItemRepository items;
    private final BlockingStore store;
    private final InstantSource clock;
    private final RelevanceModelReloader reloader;

    RelevanceModelsController(
            RelevanceFeedback feedback,
            RelevanceModels models,
            RelevanceRetraining retraining,
            ItemRelevance relevance,
            ItemRepository items,
            BlockingStore store,
            InstantSource clock,
            RelevanceModelReloader reloader) {
        this.reloader = reloader;
        this.feedback = feedback;
        this.models = models;
        this.retraining = retraining;
        this.relevance = relevance;
        this.items = items;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/items/{id}/feedback", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Judge an item threat-relevant or not (a training label of the relevance model)",
            description = "One verdict per analyst and item; a new one replaces the analyst's earlier verdict. The"
                    + " label of an item is what most analysts said. 404 for an item the caller is not cleared for.")
    Mono<FeedbackView> judge(
            @AuthenticationPrincipal User user, @PathVariable("id") String id, @RequestBody FeedbackRequest request) {
        if (request.relevant() == null) {
            throw ApiProblem.invalidField("relevant", "is required: true or false");
        }
        ItemId item = itemId(id);
        return store.call(() -> {
            if (items.findAnnotated(List.of(item), user.clearance()).isEmpty()) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "There is no item '" + id + "'.");
            }
            feedback.record(item, user.username(), request.relevant(), clock.instant());
            return view(item);
        });
    }

    @GetMapping(path = "/api/v1/items/{id}/feedback", produces = "application/json")
    @Operation(summary = "The analysts' verdicts on an item")
    Mono<FeedbackView> verdicts(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        ItemId item = itemId(id);
        return store.call(() -> {
            if (items.findAnnotated(List.of(item), user.clearance()).isEmpty()) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "There is no item '" + id + "'.");
            }
            return view(item);
        });
    }

    @GetMapping(path = "/api/v1/relevance-models", produces = "application/json")
    @Operation(
            summary = "The retrained relevance models, newest first, and the model items are scored with",
            description = "Each with what it learnt from (CTI-ANN posts, judged items), its held-out figures on the"
                    + " judged items beside the figures of the model in use on the same folds, and its approval."
                    + " current is the model scoring now: the latest approved, else the shipped one.")
    Mono<ModelsView> list() {
        return store.call(() -> new ModelsView(
                models.all(), relevance.model().id(), ItemRelevance.shipped().id()));
    }

    @PostMapping(path = "/api/v1/relevance-models", produces = "application/json")
    @Operation(
            summary = "Retrain the relevance model with the analysts' verdicts",
            description = "Learns from the CTI-ANN posts shipped in the jar and every judged item (majority"
                    + " verdict), featured as items are scored. Stored unapproved (201, Location); 422 when"
                    + " fewer than 3 judged items of either class exist. Takes seconds.")
    Mono<ResponseEntity<RelevanceModels.Info>> train(@AuthenticationPrincipal User user) {
        return store.call(() -> {
            RelevanceRetraining.Trained trained;
            try {
                trained = retraining.train(user.username(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(ProblemType.UNPROCESSABLE, e.getMessage() + ".");
            }
            models.save(trained.info(), trained.weights());
            return ResponseEntity.created(URI.create(
                            "/api/v1/relevance-models/" + trained.info().id()))
                    .body(trained.info());
        });
    }

    @PostMapping(path = "/api/v1/relevance-models/{id}/approve", produces = "application/json")
    @Operation(
            summary = "Approve a retrained model: items are scored with it from now on",
            description = "Every stored item is rescored with it in the background (other instances switch within"
                    + " a minute).")
    Mono<RelevanceModels.Info> approve(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> {
            Instant now = clock.instant();
            if (!models.approve(id, user.username(), now)) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "There is no relevance model '" + id + "'.");
            }
            reloader.switchToLatest();
            return models.find(id).orElseThrow();
        });
    }

    private static ItemId itemId(String id) {
        try {
            return new ItemId(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(
                    "id",
                    id.length() > 40 ? id.substring(0, 40) + "..." : id,
                    "is not an item id (32 lower-case hex digits)");
        }
    }

    private FeedbackView view(ItemId item) {
        return new FeedbackView(
                item.value(), feedback.of(item), feedback.label(item).orElse(null));
    }
}
