package org.ewea.collectors.source;

import java.net.URI;
import java.util.Date;
import org.bson.Document;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/** Maps sources to and from their documents in {@code sources}. */
final class SourceDocuments {

    private SourceDocuments() {}

    static final String URL = "url";
    static final String URL_SEALED = "urlSealed";
    static final String PROXY = "proxy";
    static final String PROXY_SEALED = "proxySealed";

    /** The source's document: URL and proxy masked, and sealed beside when they carry credentials. */
    static Document toDocument(Source s, SecretSeal seal) {
        Document d = new Document("_id", s.id().value())
                .append("kind", s.kind().id())
                .append("title", s.title())
                .append(URL, s.url() == null ? null : SecretUrls.masked(s.url()))
                .append("path", s.path())
                .append("schedule", s.schedule())
                .append("language", s.language())
                .append("grading", s.grading().code())
                .append("tlp", s.tlp().name())
                .append(Markings.HANDLING, Markings.handlingDocument(s.handling()))
                .append("tags", s.tags())
                .append(PROXY, s.proxy() == null ? null : SecretUrls.masked(s.proxy()))
                .append("enabled", s.enabled())
                .append("local", s.local())
                .append("created", Date.from(s.created()))
                .append("updated", Date.from(s.updated()))
                .append("profile", s.profile());
        if (SecretUrls.hasSecrets(s.url())) {
            d.append(URL_SEALED, seal.seal(s.url().toString()));
        }
        if (SecretUrls.hasSecrets(s.proxy())) {
            d.append(PROXY_SEALED, seal.seal(s.proxy().toString()));
        }
        return d;
    }

    private static @Nullable URI uri(Document d, String field, String sealedField, SecretSeal seal) {
        String sealed = d.getString(sealedField);
        String value = sealed != null ? seal.open(sealed) : d.getString(field);
        return value == null ? null : URI.create(value);
    }

    static Source fromDocument(Document d, SecretSeal seal) {
        return new Source(
                new SourceId(d.getString("_id")),
                SourceKind.parse(d.getString("kind")),
                d.getString("title"),
                uri(d, URL, URL_SEALED, seal),
                d.getString("path"),
                d.getString("schedule"),
                d.getString("language"),
                AdmiraltyGrade.parse(d.getString("grading")),
                Tlp.valueOf(d.getString("tlp")),
                Markings.handling(d),
                d.getList("tags", String.class),
                uri(d, PROXY, PROXY_SEALED, seal),
                d.getBoolean("enabled", true),
                d.getBoolean("local", false),
                d.getDate("created").toInstant(),
                d.getDate("updated").toInstant(),
                d.getString("profile"));
    }
}
