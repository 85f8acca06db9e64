package org.ewea.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ItemIdTests {

    @Test
    void sameUrlGivesSameIdAndDifferentUrlsDiffer() {
        assertThat(ItemId.forUrl("https://example.org/a")).isEqualTo(ItemId.forUrl("https://example.org/a"));
        assertThat(ItemId.forUrl("https://example.org/a")).isNotEqualTo(ItemId.forUrl("https://example.org/b"));
        assertThat(ItemId.forUrl("https://example.org/a").value()).hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void contentIdsDependOnSourceAndHash() {
        SourceId chats = new SourceId("chats");
        assertThat(ItemId.forContent(chats, "ab")).isEqualTo(ItemId.forContent(chats, "ab"));
        assertThat(ItemId.forContent(chats, "ab")).isNotEqualTo(ItemId.forContent(new SourceId("other"), "ab"));
        assertThat(ItemId.forContent(chats, "ab")).isNotEqualTo(ItemId.forUrl("ab"));
    }

    @Test
    void rejectsMalformedIdsAndSourceIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ItemId("xyz"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SourceId("Has Spaces"))
                .withMessageContaining("Has Spaces");
    }
}
