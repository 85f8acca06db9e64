package org.ewea.methodology.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real text to benchmark on: the titles and summaries of the s33r security-news recording (../shared/corpus, 10,756
 * items from ~270 feeds) when it is there; otherwise the demo recording's feed files in the repository.
 */
public final class BenchmarkTexts {

    private static final Pattern XML_TEXT = Pattern.compile("<(?:title|description|content)[^>]*>([^<]*)<");

    private BenchmarkTexts() {}

    public record Corpus(String name, List<String> documents, long chars) {}

    public static Corpus load() {
        Path s33r = find("shared/corpus/s33r-security-news/monthly");
        if (s33r != null) {
            return readJson("s33r-security-news (../shared/corpus)", s33r);
        }
        Path demo = find("demo/captures");
        if (demo != null) {
            return read("demo recording (demo/captures)", demo, ".xml", XML_TEXT);
        }
        throw new IllegalStateException("no benchmark text: neither ../shared/corpus nor demo/ found");
    }

    private static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return null;
    }

    private static Corpus readJson(String name, Path dir) {
        List<String> documents = new ArrayList<>();
        long chars = 0;
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode item : json.readTree(file.toFile())) {
                    String document = item.path("title").asString("") + "\n"
                            + item.path("summary").asString("");
                    documents.add(document);
                    chars += document.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(name, documents, chars);
    }

    private static Corpus read(String name, Path dir, String suffix, Pattern text) {
        List<String> documents = new ArrayList<>();
        long chars = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                Matcher m = text.matcher(Files.readString(file));
                while (m.find()) {
                    String document = m.group(1).replace("\\n", " ").replace("\\\"", "\"");
                    documents.add(document);
                    chars += document.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(name, documents, chars);
    }
}
