package org.ewea.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ItemIdTests {

    private static final SourceId NEWS = new SourceId("news");

    @Test
    void sameUrlGivesSameIdAndDifferentUrlsDiffer() {
        assertThat(ItemId.forUrl(NEWS, "https://example.org/a"))
                .isEqualTo(ItemId.forUrl(NEWS, "https://example.org/a"));
        assertThat(ItemId.forUrl(NEWS, "https://example.org/a"))
                .isNotEqualTo(ItemId.forUrl(NEWS, "https://example.org/b"));
        assertThat(ItemId.forUrl(NEWS, "https://example.org/a").value())
                .hasSize(32)
                .matches("[0-9a-f]+");
    }

    @Test
    void theSameUrlFromTwoSourcesIsTwoItemsAndNeitherIsTheLegacyId() {
        ItemId fromNews = ItemId.forUrl(NEWS, "https://example.org/a");
        ItemId fromPartner = ItemId.forUrl(new SourceId("partner"), "https://example.org/a");
        assertThat(fromNews).isNotEqualTo(fromPartner);
        assertThat(ItemId.legacyForUrl("https://example.org/a"))
                .isNotIn(fromNews, fromPartner)
                .isEqualTo(ItemId.legacyForUrl("https://example.org/a"));
    }

    @Test
    void contentIdsDependOnSourceAndHash() {
        SourceId chats = new SourceId("chats");
        assertThat(ItemId.forContent(chats, "ab")).isEqualTo(ItemId.forContent(chats, "ab"));
        assertThat(ItemId.forContent(chats, "ab")).isNotEqualTo(ItemId.forContent(new SourceId("other"), "ab"));
        assertThat(ItemId.forContent(chats, "ab")).isNotEqualTo(ItemId.forUrl(chats, "ab"));
    }

    @Test
    void rejectsMalformedIdsAndSourceIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ItemId("xyz"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SourceId("Has Spaces"))
                .withMessageContaining("Has Spaces");
    }
}
