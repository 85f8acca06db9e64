package org.ewea.collectors.store;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * How a TLP marking and a handling code are stored in a document ({@code tlp: "AMBER"}, {@code handling: {scheme, code,
 * meaning, restriction}}) and how a {@link Clearance} becomes a filter on them. Shared by every collection whose
 * documents carry markings (items, alerts, their events, actions), so a reader is filtered the same way everywhere.
 */
public final class Markings {

    public static final String TLP = "tlp";
    public static final String HANDLING = "handling";
    private static final String RESTRICTION = HANDLING + ".restriction";

    private Markings() {}

    /** The handling code as a sub-document. */
    public static Document handlingDocument(Handling handling) {
        return new Document("scheme", handling.scheme())
                .append("code", handling.code())
                .append("meaning", handling.meaning())
                .append("restriction", handling.restriction());
    }

    /** The handling code of a document; {@link Handling#NONE} when it has none (stored before handling codes). */
    public static Handling handling(Document document) {
        Document h = document.get(HANDLING, Document.class);
        if (h == null) {
            return Handling.NONE;
        }
        return new Handling(
                h.getString("scheme"),
                h.getString("code"),
                h.getString("meaning"),
                ((Number) h.get("restriction")).doubleValue());
    }

    /**
     * Documents a reader with {@code clearance} may see: marked at most its TLP and carrying a handling code at most
     * its handling clearance (documents without a handling code count as unrestricted). Null when the clearance
     * permits everything.
     */
    public static @Nullable Bson cleared(Clearance clearance) {
        if (clearance.full()) {
            return null;
        }
        List<Bson> conditions = new ArrayList<>();
        if (clearance.tlp() != Tlp.RED) {
            conditions.add(Filters.in(
                    TLP, Tlp.atMost(clearance.tlp()).stream().map(Tlp::name).toList()));
        }
        if (clearance.handling().restriction() < 1.0) {
            // $not $gt also matches documents without the field: material stored before handling codes existed.
            conditions.add(
                    Filters.not(Filters.gt(RESTRICTION, clearance.handling().restriction() + 1e-9)));
        }
        return conditions.size() == 1 ? conditions.getFirst() : Filters.and(conditions);
    }

    /** {@code filter} and the clearance condition (just {@code filter} when the clearance permits everything). */
    public static Bson and(Bson filter, Clearance clearance) {
        Bson cleared = cleared(clearance);
        return cleared == null ? filter : Filters.and(filter, cleared);
    }
}
