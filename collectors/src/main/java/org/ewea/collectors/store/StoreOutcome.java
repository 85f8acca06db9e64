package org.ewea.collectors.store;

/**
 * What happened to a batch of items offered to the store.
 *
 * @param stored items that were new and are now stored
 * @param merged items whose id was already stored (the same item captured again, edited or not)
 * @param updated of the merged, those whose content had changed (an edited article): the stored item was updated
 */
public record StoreOutcome(int stored, int merged, int updated) {

    public StoreOutcome(int stored, int merged) {
        this(stored, merged, 0);
    }

    public StoreOutcome plus(StoreOutcome other) {
        return new StoreOutcome(stored + other.stored, merged + other.merged, updated + other.updated);
    }
}
