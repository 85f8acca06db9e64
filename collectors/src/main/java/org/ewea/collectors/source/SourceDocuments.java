package org.ewea.collectors.source;

import java.net.URI;
import java.util.Date;
import org.bson.Document;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;

/** Maps sources to and from their documents in {@code sources}. */
final class SourceDocuments {

    private SourceDocuments() {
    }

    static Document toDocument(Source s) {
        return new Document("_id", s.id().value())
                .append("kind", s.kind().id())
                .append("title", s.title())
                .append("url", s.url() == null ? null : s.url().toString())
                .append("path", s.path())
                .append("schedule", s.schedule())
                .append("language", s.language())
                .append("grading", s.grading().code())
                .append("tlp", s.tlp().name())
                .append(org.ewea.collectors.store.Markings.HANDLING,
                        org.ewea.collectors.store.Markings.handlingDocument(s.handling()))
                .append("tags", s.tags())
                .append("proxy", s.proxy() == null ? null : s.proxy().toString())
                .append("enabled", s.enabled())
                .append("local", s.local())
                .append("created", Date.from(s.created()))
                .append("updated", Date.from(s.updated()))
                .append("profile", s.profile());
    }

    static Source fromDocument(Document d) {
        return new Source(new SourceId(d.getString("_id")), SourceKind.parse(d.getString("kind")),
                d.getString("title"), d.getString("url") == null ? null : URI.create(d.getString("url")),
                d.getString("path"), d.getString("schedule"), d.getString("language"),
                AdmiraltyGrade.parse(d.getString("grading")), Tlp.valueOf(d.getString("tlp")),
                org.ewea.collectors.store.Markings.handling(d),
                d.getList("tags", String.class), d.getString("proxy") == null ? null : URI.create(d.getString("proxy")),
                d.getBoolean("enabled", true), d.getBoolean("local", false), d.getDate("created").toInstant(),
                d.getDate("updated").toInstant(), d.getString("profile"));
    }
}
