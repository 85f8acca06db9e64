package org.ewea.collectors.process;

import java.util.List;
import org.ewea.collectors.enrich.AnnotatedItem;

/**
 * The hand-off from collection to what follows it: told of every batch of items stored new (new items and revisions,
 * each with its story), once they are in the store. Scoring keeps its signal series, terms and relevance from it; the
 * search index indexes them. Called on the thread that stored them; a listener that throws fails the capture's
 * processing after the items are stored, and the capture is accounted as failed.
 */
@FunctionalInterface
public interface ItemsStored {

    /** Nobody listening. */
    ItemsStored NOBODY = stored -> {};

    void stored(List<AnnotatedItem> items);
}
