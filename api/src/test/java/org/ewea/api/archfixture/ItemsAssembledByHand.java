package org.ewea.api.archfixture;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.store.ItemRepository;

/** A fixture the one-assembly rule must catch: api building a store the collectors module assembles. */
public final class ItemsAssembledByHand {

    private ItemsAssembledByHand() {}

    public static ItemRepository items(MongoDatabase database) {
        return new ItemRepository(database);
    }
}
