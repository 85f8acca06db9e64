package org.ewea.collectors.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StoryIndexTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Test
    void newAndExistingBandsKeepTheNewestMembersAndFindTheNearest() {
        var database = STORE.freshDatabase();
        StoryIndex index = new StoryIndex(database);
        long base = 0x0123_4567_89ab_cdefL;
        List<StoryIndex.Member> first = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // one bit apart from the base in the lowest band only: the other three bands are shared
            first.add(new StoryIndex.Member("item-" + i, base ^ (1L << (i % 16)), "story-a"));
        }
        index.add(first);
        index.add(List.of(new StoryIndex.Member("late", base, "story-b")));
        Document shared = database.getCollection(StoryIndex.COLLECTION)
                .find(new Document("_id", SimHash.bands(base).get(3)))
                .first();
        List<Document> members = shared.getList("members", Document.class);
        assertThat(members).hasSize(50);
        assertThat(members.getLast().getString("item")).isEqualTo("late");
        assertThat(index.nearest(base))
                .hasValueSatisfying(m -> assertThat(m.itemId()).isEqualTo("late"));
        assertThat(index.nearest(~base)).isEmpty();
    }
}
