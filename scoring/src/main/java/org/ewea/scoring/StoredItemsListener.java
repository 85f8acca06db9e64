package org.ewea.scoring;

import java.util.List;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.process.ItemsStored;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TermRepository;

/**
 * What scoring does with every newly stored item, in one place for the service and the evaluation alike: add it to
 * the signal series, count its name-like terms, and score its relevance. Given to the collectors' capture processor.
 */
public record StoredItemsListener(SignalRepository signals, TermRepository terms, ItemRelevance relevance)
        implements ItemsStored {

    @Override
    public void stored(List<AnnotatedItem> stored) {
        signals.record(stored);
        terms.record(stored);
        relevance.record(stored);
    }
}
