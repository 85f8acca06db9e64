package org.ewea.api.scoring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.relevance.RelevanceModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Every minute, switches to the latest approved relevance model when another instance approved one (this
 * instance's own approvals switch at once) and rescores the items not yet scored by it. Idempotent: instances
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
            String latest = models.latestApprovedId().orElse(null);
            if (latest == null || latest.equals(relevance.model().id())) {
                return;
            }
            models.latestApproved().filter(relevance::use).ifPresent(weights -> {
                long rescored = relevance.rescore();
                LOG.info("Switched to the approved relevance model {}; rescored {} item(s)", weights.id(),
                        rescored);
            });
        } catch (RuntimeException e) {
            LOG.warn("Checking for an approved relevance model failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
