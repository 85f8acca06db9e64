package org.ewea.scoring.relevance;

import java.util.Objects;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.HarmonisedItem;
import org.jspecify.annotations.Nullable;

/**
 * What an item's relevance may depend on besides its words: the grade of its source, whether the source is a
 * dark-web or underground one, and its language.
 *
 * @param grade the item's source grade
 * @param darkWeb whether its source is a dark-web source (catalogue tag {@code dark-web}, an onion address or SOCKS)
 * @param language its detected language (BCP 47), or null when not known
 */
public record ItemContext(
        AdmiraltyGrade grade, boolean darkWeb, @Nullable String language) {

    public ItemContext {
        Objects.requireNonNull(grade, "grade");
    }

    public static ItemContext of(HarmonisedItem item, boolean darkWeb) {
        return new ItemContext(item.grading(), darkWeb, item.language());
    }
}
