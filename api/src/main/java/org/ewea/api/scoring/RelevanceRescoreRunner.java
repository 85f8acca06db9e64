package org.ewea.api.scoring;

import org.ewea.scoring.relevance.ItemRelevance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, scores every stored item not yet scored by the relevance model in force (items stored before relevance
 * was scored, or under another model): a model change rescores everything once. New items are scored as they are
 * stored. Idempotent, so instances starting together only repeat each other's work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RelevanceRescoreRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RelevanceRescoreRunner.class);

    private final ItemRelevance relevance;

    RelevanceRescoreRunner(ItemRelevance relevance) {
        this.relevance = relevance;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        long rescored = relevance.rescore();
        if (rescored > 0) {
            LOG.info(
                    "Scored {} stored item(s) for threat relevance with model {} in {} ms",
                    rescored,
                    relevance.modelId(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
