package org.ewea.collectors.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ewea.methodology.lexicon.TextFolding;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Imports feed sources from OPML (1.0 or 2.0) in one step. The document is parsed with the JDK's XML parser with
 * DOCTYPEs refused (no external entities, no entity expansion); anything that is not well-formed OPML is rejected
 * whole. Every outline with an {@code xmlUrl} becomes a feed source, tagged with the titles of the category outlines
 * it sits in, unless it is invalid or its URL is already in the catalogue (or earlier in the same document): those are
 * skipped and reported. All sources are validated before any is written, and written all or none.
 *
 * <p>An outline written by {@link OpmlExporter} carries the catalogue's own attributes ({@code ewea:id},
 * {@code ewea:kind}, {@code ewea:grading}, {@code ewea:tlp}, {@code ewea:handling}, {@code ewea:schedule},
 * {@code ewea:enabled}, {@code ewea:local}, {@code ewea:path}, {@code ewea:profile}, {@code ewea:proxy}): they are
 * taken over (the import's defaults fill what is missing), so that an export imported into an empty catalogue gives
 * the same catalogue. Sources of other kinds than feeds (web pages, recorded mirrors) come only that way. A source
 * whose credentials the export withheld, or that the importer may not create ({@code permitted}: a marking above
 * their clearance, say), is skipped and reported.
 */
public final class OpmlImporter {

    /** Defaults applied to every imported source. */
    public record Defaults(
            @Nullable String grading,
            @Nullable String tlp,
            @Nullable Boolean enabled,
            @Nullable String handling) {

        /** Defaults without a handling code. */
        public Defaults(@Nullable String grading, @Nullable String tlp, @Nullable Boolean enabled) {
            this(grading, tlp, enabled, null);
        }
    }

    private record Outline(
            String url, String title, @Nullable String language, List<String> categories, Map<String, String> own) {

        @Nullable
        String own(String name) {
            String value = own.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** What makes it one source: its URL, else its recording's path. */
        String key() {
            return url.isEmpty() ? "path:" + own.getOrDefault("path", "") : url;
        }
    }

    private final SourceRepository repository;
    private final SourceValidator validator;
    private final InstantSource clock;

    public OpmlImporter(SourceRepository repository, SourceValidator validator, InstantSource clock) {
        this.repository = repository;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @throws InvalidOpmlException when the document is not well-formed OPML (nothing is imported)
     */
    public OpmlImportReport importOpml(byte[] opml, Defaults defaults) {
        return importOpml(opml, defaults, source -> null);
    }

    /**
     * @param refusal why the importer may not create a source (null when they may)
     * @throws InvalidOpmlException when the document is not well-formed OPML (nothing is imported)
     */
    public OpmlImportReport importOpml(byte[] opml, Defaults defaults, Function<Source, @Nullable String> refusal) {
        List<Outline> outlines = parse(opml);
        Set<String> existingUrls = repository.existingUrls(
                outlines.stream().map(Outline::url).filter(u -> !u.isEmpty()).toList());
        Set<String> existingOwnIds = repository.existingIds(
                outlines.stream().map(o -> o.own("id")).filter(Objects::nonNull).toList());
        Map<String, Outline> candidates = new LinkedHashMap<>();
        List<OpmlImportReport.Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Outline outline : outlines) {
            String shown = outline.url().isEmpty() ? outline.key() : outline.url();
            if (existingUrls.contains(outline.url())
                    || outline.own("id") != null
                            && existingOwnIds.contains(outline.own("id"))
                            && outline.url().isEmpty()) {
                skipped.add(new OpmlImportReport.Skipped(shown, outline.title(), "already in the catalogue"));
            } else if (!seen.add(outline.key())) {
                skipped.add(
                        new OpmlImportReport.Skipped(shown, outline.title(), "listed more than once in the document"));
            } else if ("true".equals(outline.own("credentialsWithheld"))) {
                skipped.add(new OpmlImportReport.Skipped(
                        shown,
                        outline.title(),
                        "the export withheld its" + " credentials (masked as " + SecretUrls.MASK
                                + "): add it with them"));
            } else {
                candidates.put(outline.key(), outline);
            }
        }
        Set<String> takenIds = repository.existingIds(
                candidates.values().stream().map(o -> slug(o)).toList());
        takenIds.addAll(existingOwnIds);
        List<Source> sources = new ArrayList<>();
        for (Outline outline : candidates.values()) {
            String own = outline.own("id");
            String id = own != null && !takenIds.contains(own) ? own : uniqueId(slug(outline), takenIds);
            String shown = outline.url().isEmpty() ? outline.key() : outline.url();
            try {
                Source source = validator.validate(
                        new SourceSpec(
                                id,
                                or(outline.own("kind"), "feed"),
                                outline.title(),
                                outline.url().isEmpty() ? null : outline.url(),
                                outline.own("path"),
                                outline.own("schedule"),
                                outline.language(),
                                or(outline.own("grading"), defaults.grading()),
                                or(outline.own("tlp"), defaults.tlp()),
                                outline.categories(),
                                outline.own("proxy"),
                                outline.own("enabled") != null
                                        ? Boolean.valueOf(outline.own("enabled"))
                                        : defaults.enabled(),
                                outline.own("local") != null && Boolean.parseBoolean(outline.own("local")),
                                outline.own("profile"),
                                or(outline.own("handling"), defaults.handling())),
                        clock.instant());
                String refused = refusal.apply(source);
                if (refused != null) {
                    skipped.add(new OpmlImportReport.Skipped(shown, outline.title(), refused));
                    continue;
                }
                takenIds.add(id);
                sources.add(source);
            } catch (InvalidSourceException e) {
                skipped.add(new OpmlImportReport.Skipped(shown, outline.title(), e.getMessage()));
            }
        }
        repository.insertAll(sources);
        return new OpmlImportReport(
                outlines.size(),
                sources.size(),
                skipped,
                sources.stream().map(s -> s.id().value()).toList());
    }

    private static List<Outline> parse(byte[] opml) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(opml));
        } catch (SAXParseException e) {
            throw new InvalidOpmlException(
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(),
                    e);
        } catch (SAXException | IOException e) {
            throw new InvalidOpmlException("not readable as XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"opml".equals(root.getTagName())) {
            throw new InvalidOpmlException("the root element is <" + root.getTagName() + ">, not <opml>");
        }
        Element body = child(root, "body");
        if (body == null) {
            throw new InvalidOpmlException("the <opml> document has no <body>");
        }
        List<Outline> outlines = new ArrayList<>();
        collect(body, new ArrayList<>(), outlines);
        if (outlines.isEmpty()) {
            throw new InvalidOpmlException("the OPML document lists no feeds (no outline has an xmlUrl)");
        }
        return outlines;
    }

    private static void collect(Element parent, List<String> categories, List<Outline> outlines) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element outline) || !"outline".equals(outline.getTagName())) {
                continue;
            }
            String title = firstNonBlank(outline.getAttribute("title"), outline.getAttribute("text"));
            Map<String, String> own = new LinkedHashMap<>();
            var attributes = outline.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                if (a.getNodeName().startsWith(OpmlExporter.PREFIX + ":")) {
                    own.put(a.getNodeName().substring(OpmlExporter.PREFIX.length() + 1), a.getNodeValue());
                }
            }
            boolean ownSource = own.containsKey("kind") && !own.get("kind").isBlank();
            String url = outline.getAttribute("xmlUrl").strip();
            if (url.isEmpty() && ownSource) {
                url = outline.getAttribute("url").strip();
            }
            if (!url.isEmpty() || ownSource) {
                String language = outline.getAttribute("language").strip();
                outlines.add(new Outline(
                        url,
                        title.isEmpty() ? url : title,
                        language.isEmpty() ? null : language,
                        List.copyOf(categories),
                        own));
            }
            List<String> nested = new ArrayList<>(categories);
            if (url.isEmpty() && !ownSource && !title.isEmpty()) {
                nested.add(title);
            }
            collect(outline, nested, outlines);
        }
    }

    private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
        return value != null ? value : fallback;
    }

    private static @Nullable Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b == null ? "" : b.strip();
    }

    /** An id from the title (or the URL's host): folded, lower-case, hyphenated, at most 60 characters. */
    static String slug(Outline outline) {
        String base = TextFolding.fold(outline.title())
                .replaceFirst("^[a-z][a-z0-9+.-]*://", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = TextFolding.fold(outline.url().replaceFirst("^[a-z]+://", ""))
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
        }
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        return base.isEmpty() ? "feed" : base;
    }

    private static String uniqueId(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support secure processing", e);
        }
    }
}
