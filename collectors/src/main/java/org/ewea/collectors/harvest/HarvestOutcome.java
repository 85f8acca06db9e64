package org.ewea.collectors.harvest;

/** What a harvest run came to. */
public enum HarvestOutcome {
    /** New items were stored (see the run's counts). */
    NEW_ITEMS,
    /** The server said nothing changed (304). */
    NOT_MODIFIED,
    /** Fetched and parsed, but nothing new: every entry was known already, or there were none. */
    EMPTY,
    /** The run failed; the run says why. */
    FAILED
}
