package org.ewea.api.scoring;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.relevance.RelevanceModels;
import org.ewea.scoring.relevance.RelevanceWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Switches to the latest approved relevance model: at once when this instance approves one, every minute when another
 * instance did, and rescores the items not yet scored by it. Idempotent: instances
 * rescoring together only repeat each other's work. Runs on its own thread, never on an event loop.
 */
@Component
class RelevanceModelReloader implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RelevanceModelReloader.class);

    private final RelevanceModels models;
    private final ItemRelevance relevance;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ewea-relevance-models").daemon().factory());

    RelevanceModelReloader(RelevanceModels models, ItemRelevance relevance) {
        this.models = models;
        this.relevance = relevance;
        executor.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.MINUTES);
    }

    void check() {
        try {
            switchToLatest();
        } catch (RuntimeException e) {
            LOG.warn("Checking for an approved relevance model failed: {}", e.toString());
        }
    }

    /**
     * Switches to the latest approved model when it is not the one in use (blocks on the store); every item not yet
     * scored by it is then rescored on this reloader's thread. Answers whether the model changed.
     */
    boolean switchToLatest() {
        String latest = models.latestApprovedId().orElse(null);
        if (latest == null || latest.equals(relevance.model().id())) {
            return false;
        }
        Optional<RelevanceWeights> switched = models.latestApproved().filter(relevance::use);
        switched.ifPresent(weights -> executor.execute(() -> {
            try {
                LOG.info(
                        "Switched to the approved relevance model {}; rescored {} item(s)",
                        weights.id(),
                        relevance.rescore());
            } catch (RuntimeException e) {
                LOG.warn("Rescoring with relevance model {} failed: {}", weights.id(), e.toString());
            }
        }));
        return switched.isPresent();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
