package org.ewea.scoring.signal;

import java.util.stream.Stream;
import org.bson.Document;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.Tlp;

/**
 * The per-marking parts of a derived day document ({@code parts}: one per TLP and handling code of the items
 * counted), shared by the signal series and the novel-term counts: how an item names its part, and which parts a
 * reader may read.
 */
public final class MarkingParts {

    private MarkingParts() {}

    /** The part items of this marking and handling code add to (a field name: no dots, no dollars). */
    public static String of(HarmonisedItem item) {
        return item.tlp().name() + "~"
                + item.handling().label().replace('.', '_').replace('$', '_');
    }

    /**
     * The parts of a document a reader with {@code clearance} may read; none for a document counted before parts were
     * kept (the service's alone).
     */
    public static Stream<Document> permitted(Document document, Clearance clearance) {
        Document parts = document.get("parts", Document.class);
        if (parts == null) {
            return Stream.empty();
        }
        return parts.values().stream()
                .filter(Document.class::isInstance)
                .map(Document.class::cast)
                .filter(part -> part.getString("tlp") != null
                        && Tlp.valueOf(part.getString("tlp")).isAtMost(clearance.tlp())
                        && ((Number) part.get("restriction", 0.0)).doubleValue()
                                <= clearance.handling().restriction() + 1e-9);
    }
}
