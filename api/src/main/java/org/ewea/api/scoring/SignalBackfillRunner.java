package org.ewea.api.scoring;

import org.ewea.scoring.signal.SignalBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the demo import and before scheduled harvesting: builds the signal series from items stored by
 * an earlier version, once per database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignalBackfillRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SignalBackfillRunner.class);

    private final SignalBackfill backfill;

    SignalBackfillRunner(SignalBackfill backfill) {
        this.backfill = backfill;
    }

    @Override
    public void run(ApplicationArguments args) {
        SignalBackfill.Result result = backfill.runOnce();
        switch (result.outcome()) {
            case REBUILT -> LOG.info("Signal series built from {} stored item(s)", result.itemsRead());
            case ALREADY_DONE -> LOG.debug("Signal series already built");
            case INCOMPLETE ->
                LOG.warn("Signal series: an earlier build from stored items did not finish, so the"
                        + " series may miss items; see docs/operations.md ('Rebuilding signal series')");
        }
    }
}
