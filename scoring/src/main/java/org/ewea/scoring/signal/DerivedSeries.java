package org.ewea.scoring.signal;

import java.util.List;
import org.ewea.collectors.enrich.AnnotatedItem;

/** Data derived from the stored items, item by item: kept up to date as items are stored, rebuilt by a backfill. */
public interface DerivedSeries {

    /** Adds newly stored items. */
    void record(List<AnnotatedItem> stored);

    /** Removes everything (before a rebuild). */
    void clear();
}
