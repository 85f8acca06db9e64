package org.ewea.collectors.source;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a source catalogue as OPML 2.0, the form feed readers and other collection tools exchange feed lists in:
 * every source an outline, inside folder outlines named after its tags (a source tagged {@code [news, de]} sits in
 * folder {@code news}, then {@code de}, as {@link OpmlImporter} reads tags from folders). Feeds carry the standard
 * {@code type="rss"}, {@code text}, {@code title}, {@code xmlUrl} and {@code language}; every source also carries
 * what the catalogue knows beyond OPML in attributes of the {@value #NAMESPACE} namespace (id, kind, grading, TLP,
 * handling code, schedule, enabled, local, mirror profile, recording path, web URL), so that importing the export into
 * an empty catalogue gives the same catalogue. Credentials never leave: a URL or proxy with a credential is written
 * with it masked ({@link SecretUrls}) and marked {@code ewea:credentialsWithheld="true"}.
 */
public final class OpmlExporter {

    /** The namespace of the catalogue's own attributes. */
    public static final String NAMESPACE = "urn:ewea:opml:1";

    static final String PREFIX = "ewea";

    /** The OPML document of {@code sources}, made at {@code now}. */
    public byte[] export(List<Source> sources, String title, Instant now) {
        Folder root = new Folder();
        sources.stream()
                .sorted(Comparator.comparing((Source s) -> s.title().toLowerCase(Locale.ROOT))
                        .thenComparing(s -> s.id().value()))
                .forEach(s -> {
                    Folder folder = root;
                    for (String tag : s.tags()) {
                        folder = folder.folders.computeIfAbsent(tag, k -> new Folder());
                    }
                    folder.sources.add(s);
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace(PREFIX, NAMESPACE);
            xml.writeStartElement("head");
            element(xml, "title", title);
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
            element(xml, "docs", "https://opml.org/spec2.opml");
            xml.writeEndElement();
            xml.writeStartElement("body");
            write(xml, root);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the OPML export could not be written", e);
        }
        return out.toByteArray();
    }

    private static final class Folder {
        private final Map<String, Folder> folders = new LinkedHashMap<>();
        private final List<Source> sources = new ArrayList<>();
    }

    private static void write(XMLStreamWriter xml, Folder folder) throws XMLStreamException {
        for (Source s : folder.sources) {
            source(xml, s);
        }
        for (Map.Entry<String, Folder> child : folder.folders.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            xml.writeStartElement("outline");
            xml.writeAttribute("text", child.getKey());
            xml.writeAttribute("title", child.getKey());
            write(xml, child.getValue());
            xml.writeEndElement();
        }
    }

    private static void source(XMLStreamWriter xml, Source s) throws XMLStreamException {
        xml.writeEmptyElement("outline");
        boolean feed = s.kind() == SourceKind.FEED;
        xml.writeAttribute("text", s.title());
        xml.writeAttribute("title", s.title());
        if (feed) {
            xml.writeAttribute("type", "rss");
            xml.writeAttribute("xmlUrl", url(s.url()));
        } else if (s.url() != null) {
            xml.writeAttribute("type", "link");
            xml.writeAttribute("url", url(s.url()));
        }
        if (s.language() != null) {
            xml.writeAttribute("language", s.language());
        }
        ewea(xml, "id", s.id().value());
        ewea(xml, "kind", s.kind().id());
        ewea(xml, "grading", s.grading().code());
        ewea(xml, "tlp", s.tlp().label());
        ewea(xml, "handling", s.handling().label());
        ewea(xml, "schedule", s.schedule());
        ewea(xml, "enabled", Boolean.toString(s.enabled()));
        ewea(xml, "local", Boolean.toString(s.local()));
        if (s.path() != null) {
            ewea(xml, "path", s.path());
        }
        if (s.profile() != null) {
            ewea(xml, "profile", s.profile());
        }
        if (s.proxy() != null) {
            ewea(xml, "proxy", url(s.proxy()));
        }
        if (SecretUrls.hasSecrets(s.url()) || SecretUrls.hasSecrets(s.proxy())) {
            ewea(xml, "credentialsWithheld", "true");
        }
    }

    private static String url(@Nullable URI url) {
        return url == null ? "" : SecretUrls.masked(url);
    }

    private static void ewea(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(PREFIX, NAMESPACE, name, value);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
