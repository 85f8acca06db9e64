package org.ewea.collectors.store;

/**
 * What happened to a batch of items offered to the store.
 *
 * @param stored items that were new and are now stored
 * @param merged items whose id was already stored (the same item captured again)
 */
public record StoreOutcome(int stored, int merged) {

    public StoreOutcome plus(StoreOutcome other) {
        return new StoreOutcome(stored + other.stored, merged + other.merged);
    }
}
