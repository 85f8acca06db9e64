package org.ewea.collectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ewea.collectors.replay.WarcCaptures;
import org.ewea.methodology.lexicon.TextFolding;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResource;
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

    /** CASIE writes some dates without zero padding (2017-11-3). */
    private static final DateTimeFormatter LENIENT_DATE = DateTimeFormatter.ofPattern("uuuu-M-d");

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private CorpusWarcs() {}

    /** What went into a converted WARC. */
    public record Conversion(Path warc, int items, int undated, int captures, int sources) {}

    public static Conversion s33r(Path corpus, Path warc) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Map<String, List<JsonNode>>> bySourceAndCapture = new TreeMap<>();
        int items = 0;
        int undated = 0;
        try (Stream<Path> files = Files.list(corpus.resolve("s33r-security-news/monthly"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
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
                    bySourceAndCapture
                            .computeIfAbsent(item.path("source").asString("unknown"), s -> new TreeMap<>())
                            .computeIfAbsent(capture, c -> new ArrayList<>())
                            .add(item);
                }
            }
            int captures = 0;
            try (WarcWriter writer = writer(warc)) {
                for (var source : bySourceAndCapture.entrySet()) {
                    String id = slug(source.getKey());
                    for (var capture : source.getValue().entrySet()) {
                        byte[] rss = rss(source.getKey(), capture.getValue()).getBytes(StandardCharsets.UTF_8);
                        HttpResponse http = new HttpResponse.Builder(200, "OK")
                                .body(MediaType.parse("application/rss+xml"), rss)
                                .build();
                        writer.write(new WarcResponse.Builder(URI.create("https://s33r.invalid/feeds/" + id))
                                .date(Instant.parse(capture.getKey()))
                                .setHeader(WarcCaptures.SOURCE_HEADER, id)
                                .body(http)
                                .build());
                        captures++;
                    }
                }
            }
            return new Conversion(warc, items, undated, captures, bySourceAndCapture.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Ransomchats collection as a recorded dark-web mirror: one WARC resource record per chat (the JSON as
     * captured), target {@code https://ransomchats.invalid/<group>/<file>}, dated by the chat date in the file name
     * (end of that day); undated chats at their group's earliest chat date. Source header: {@code ransomchats}.
     */
    public static Conversion ransomchats(Path corpus, Path warc) {
        Path chats = corpus.resolve("ransomchats/chats");
        Pattern dated = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
        try (Stream<Path> files = Files.walk(chats)) {
            List<Path> all =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            Map<String, Instant> earliest = new TreeMap<>();
            Map<Path, Instant> dates = new HashMap<>();
            for (Path f : all) {
                Matcher m = dated.matcher(f.getFileName().toString());
                if (m.find()) {
                    Instant at = LocalDate.of(
                                    Integer.parseInt(m.group(1)),
                                    Integer.parseInt(m.group(2)),
                                    Integer.parseInt(m.group(3)))
                            .atTime(23, 59, 59)
                            .toInstant(ZoneOffset.UTC);
                    dates.put(f, at);
                    earliest.merge(f.getParent().getFileName().toString(), at, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            Instant first = earliest.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
            int undated = 0;
            try (WarcWriter writer = writer(warc)) {
                for (Path f : all) {
                    String group = f.getParent().getFileName().toString();
                    Instant at = dates.get(f);
                    if (at == null) {
                        undated++;
                        at = earliest.getOrDefault(group, first);
                    }
                    String name = URLEncoder.encode(f.getFileName().toString(), StandardCharsets.UTF_8)
                            .replace("+", "%20");
                    writer.write(new WarcResource.Builder(URI.create("https://ransomchats.invalid/"
                                    + URLEncoder.encode(group, StandardCharsets.UTF_8)
                                            .replace("+", "%20")
                                    + "/" + name))
                            .date(at)
                            .setHeader(WarcCaptures.SOURCE_HEADER, "ransomchats")
                            .body(MediaType.parse("application/json"), Files.readAllBytes(f))
                            .build());
                }
            }
            return new Conversion(warc, all.size(), undated, all.size(), earliest.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CASIE news articles as feed captures: per source host and article date, one RSS 2.0 document captured at
     * the end of that day, items with title, link, full text and the date.
     */
    public static Conversion casie(Path corpus, Path warc) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Map<String, List<JsonNode>>> byHostAndDay = new TreeMap<>();
        int items = 0;
        try {
            for (String line : Files.readAllLines(corpus.resolve("casie-cyber-news-events/casie_articles.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = json.readTree(line);
                items++;
                String host = URI.create(article.path("link")
                                .asString("https://unknown.invalid/")
                                .replace(" ", "%20"))
                        .getHost();
                byHostAndDay
                        .computeIfAbsent(host == null ? "unknown" : host, h -> new TreeMap<>())
                        .computeIfAbsent(
                                LocalDate.parse(article.path("date").asString(), LENIENT_DATE)
                                        .toString(),
                                d -> new ArrayList<>())
                        .add(article);
            }
            int captures = 0;
            try (WarcWriter writer = writer(warc)) {
                for (var host : byHostAndDay.entrySet()) {
                    for (var day : host.getValue().entrySet()) {
                        StringBuilder xml = new StringBuilder(
                                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version="
                                                + "\"2.0\"><channel><title>")
                                .append(escape(host.getKey()))
                                .append(
                                        "</title>"
                                                + "<link>https://casie.invalid/</link><description>CASIE recording</description>\n");
                        for (JsonNode a : day.getValue()) {
                            xml.append("<item><title>")
                                    .append(escape(a.path("title").asString("")))
                                    .append("</title><link>")
                                    .append(escape(a.path("link").asString("")))
                                    .append("</link><description>")
                                    .append(escape(a.path("text").asString("")))
                                    .append("</description><pubDate>")
                                    .append(RFC_1123.format(LocalDate.parse(day.getKey())
                                            .atStartOfDay()
                                            .toInstant(ZoneOffset.UTC)))
                                    .append("</pubDate></item>\n");
                        }
                        xml.append("</channel></rss>\n");
                        HttpResponse http = new HttpResponse.Builder(200, "OK")
                                .body(
                                        MediaType.parse("application/rss+xml"),
                                        xml.toString().getBytes(StandardCharsets.UTF_8))
                                .build();
                        writer.write(new WarcResponse.Builder(URI.create("https://" + host.getKey() + "/feed"))
                                .date(LocalDate.parse(day.getKey())
                                        .atTime(23, 59, 59)
                                        .toInstant(ZoneOffset.UTC))
                                .setHeader(WarcCaptures.SOURCE_HEADER, slug(host.getKey()))
                                .body(http)
                                .build());
                        captures++;
                    }
                }
            }
            return new Conversion(warc, items, 0, captures, byHostAndDay.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new gzip-compressed WARC file (replacing any), its folder created. */
    private static WarcWriter writer(Path warc) throws IOException {
        Files.createDirectories(warc.getParent());
        return new WarcWriter(
                Files.newByteChannel(
                        warc,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE),
                WarcCompression.GZIP);
    }

    private static String rss(String source, List<JsonNode> items) {
        StringBuilder xml = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>")
                .append(escape(source))
                .append("</title><link>https://s33r.invalid/</link>")
                .append("<description>s33r recording</description>\n");
        for (JsonNode item : items) {
            xml.append("<item><title>")
                    .append(escape(item.path("title").asString("")))
                    .append("</title>")
                    .append("<link>")
                    .append(escape(item.path("link").asString("")))
                    .append("</link>")
                    .append("<description>")
                    .append(escape(item.path("summary").asString("")))
                    .append("</description>");
            String published = item.path("published").asString("");
            if (!published.isBlank()) {
                xml.append("<pubDate>")
                        .append(RFC_1123.format(instant(published)))
                        .append("</pubDate>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** ISO-8601 with Z or an offset, or a local date-time taken as UTC. */
    private static Instant instant(String published) {
        try {
            return OffsetDateTime.parse(published).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(published).toInstant(ZoneOffset.UTC);
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
