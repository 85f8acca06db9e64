package org.ewea.collectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ewea.collectors.replay.WarcCaptures;
import org.ewea.methodology.lexicon.TextFolding;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts the ../shared/corpus recordings into WARC files for tests, benchmarks and evaluation (test scope only: the
 * corpus texts are not the project's to ship). The s33r security-news items become, per source and per day of
 * publication, one RSS 2.0 feed document captured at the end of that day; undated items become, per source and per
 * monthly file, one feed document captured at the start of that month, their entries without a pubDate (so the
 * items keep "published unknown" and are ordered by capture time). Each record carries the EWEA-Source header.
 */
public final class CorpusWarcs {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private CorpusWarcs() {
    }

    /** What went into a converted WARC. */
    public record Conversion(Path warc, int items, int undated, int captures, int sources) {
    }

    public static Conversion s33r(Path corpus, Path warc) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Map<String, List<JsonNode>>> bySourceAndCapture = new TreeMap<>();
        int items = 0;
        int undated = 0;
        try (Stream<Path> files = Files.list(corpus.resolve("s33r-security-news/monthly"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String month = file.getFileName().toString().replace(".json", "");
                for (JsonNode item : json.readTree(file.toFile())) {
                    items++;
                    String published = item.path("published").asString("");
                    String capture;
                    if (published.isBlank()) {
                        undated++;
                        capture = month + "-01T00:00:00Z";
                    } else {
                        capture = instant(published).atOffset(ZoneOffset.UTC).toLocalDate() + "T23:59:59Z";
                    }
                    bySourceAndCapture.computeIfAbsent(item.path("source").asString("unknown"), s -> new TreeMap<>())
                            .computeIfAbsent(capture, c -> new ArrayList<>()).add(item);
                }
            }
            int captures = 0;
            Files.createDirectories(warc.getParent());
            try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
                for (var source : bySourceAndCapture.entrySet()) {
                    String id = slug(source.getKey());
                    for (var capture : source.getValue().entrySet()) {
                        byte[] rss = rss(source.getKey(), capture.getValue()).getBytes(StandardCharsets.UTF_8);
                        HttpResponse http = new HttpResponse.Builder(200, "OK")
                                .body(MediaType.parse("application/rss+xml"), rss).build();
                        writer.write(new WarcResponse.Builder(URI.create("https://s33r.invalid/feeds/" + id))
                                .date(Instant.parse(capture.getKey())).setHeader(WarcCaptures.SOURCE_HEADER, id)
                                .body(http).build());
                        captures++;
                    }
                }
            }
            return new Conversion(warc, items, undated, captures, bySourceAndCapture.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rss(String source, List<JsonNode> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(escape(source)).append("</title><link>https://s33r.invalid/</link>")
                .append("<description>s33r recording</description>\n");
        for (JsonNode item : items) {
            xml.append("<item><title>").append(escape(item.path("title").asString(""))).append("</title>")
                    .append("<link>").append(escape(item.path("link").asString(""))).append("</link>")
                    .append("<description>").append(escape(item.path("summary").asString(""))).append("</description>");
            String published = item.path("published").asString("");
            if (!published.isBlank()) {
                xml.append("<pubDate>").append(RFC_1123.format(instant(published))).append("</pubDate>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** ISO-8601 with Z or an offset, or a local date-time taken as UTC. */
    private static Instant instant(String published) {
        try {
            return java.time.OffsetDateTime.parse(published).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(published).toInstant(ZoneOffset.UTC);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public static String slug(String name) {
        String slug = TextFolding.fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "unknown" : slug.toLowerCase(Locale.ROOT);
    }
}
