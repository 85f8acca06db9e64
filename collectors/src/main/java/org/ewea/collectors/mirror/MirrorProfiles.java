package org.ewea.collectors.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.methodology.definition.DefinitionException;
import org.ewea.methodology.definition.DefinitionFile;
import org.ewea.methodology.definition.YamlReader;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/** The mirror profiles shipped in the jar, read strictly (unknown keys and bad values name file, line and reason). */
public final class MirrorProfiles {

    static final String LOCATION = "org/ewea/collectors/profiles/";
    private static final Set<String> FORMATS = Set.of("json-transcript", "html");
    private static final Set<String> UNDATED = Set.of("earliest-in-directory", "exclude");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final YamlReader yaml = new YamlReader();

    record ProfileFile(
            @Nullable String id,
            @Nullable String description,
            @Nullable String format,
            @Nullable String files,
            @Nullable String records,
            @Nullable String record,
            @Nullable String title,
            @Nullable DateFile date,
            @Nullable SelectFile select) {}

    record SelectFile(
            @Nullable String item,
            @Nullable String title,
            @Nullable String link,
            @Nullable String date,
            @Nullable String body,
            @Nullable String next,
            @Nullable Integer maxPages,
            @Nullable DetailFile detail,
            @Nullable Integer maxDetails) {}

    record DetailFile(
            @Nullable String title,
            @Nullable String date,
            @Nullable String body) {}

    record DateFile(@Nullable String fileName, @Nullable String undated) {}

    /** The parser of the shipped profile of this id (HTML pages or JSON transcripts), if one ships. */
    public Optional<EntryParser> parser(String id) {
        return find(id).map(p -> p.format().equals("html") ? new HtmlProfileParser(p) : new JsonTranscriptParser(p));
    }

    /** The profile of this id, if one ships. */
    public Optional<MirrorProfile> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String resource = LOCATION + id + ".yaml";
        try (InputStream in = MirrorProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new DefinitionFile(
                    id + ".yaml", "classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    MirrorProfile parse(DefinitionFile file) {
        ProfileFile p = yaml.read(file, ProfileFile.class);
        String id = required(file, p.id(), "id");
        String format = required(file, p.format(), "format");
        if (!FORMATS.contains(format)) {
            throw file.error("format '" + format + "' must be one of " + FORMATS);
        }
        Pattern fileNameDate = null;
        String undated = "earliest-in-directory";
        if (p.date() != null) {
            if (p.date().fileName() != null) {
                try {
                    fileNameDate = Pattern.compile(p.date().fileName());
                } catch (PatternSyntaxException e) {
                    throw file.error("date.fileName is not a valid pattern: " + e.getDescription());
                }
                for (String group : new String[] {"year", "month", "day"}) {
                    if (!p.date().fileName().contains("?<" + group + ">")) {
                        throw file.error("date.fileName needs a named group (?<" + group + ">...)");
                    }
                }
            }
            if (p.date().undated() != null) {
                undated = p.date().undated();
                if (!UNDATED.contains(undated)) {
                    throw file.error("date.undated '" + undated + "' must be one of " + UNDATED);
                }
            }
        }
        if (format.equals("html")) {
            SelectFile select = p.select();
            if (select == null) {
                throw file.error("select is required for the html format");
            }
            String item = required(file, select.item(), "select.item");
            for (String selector :
                    new String[] {item, select.title(), select.link(), select.date(), select.body(), select.next()}) {
                if (selector != null) {
                    try {
                        QueryParser.parse(selector.replaceFirst("@[\\w:-]+$", ""));
                    } catch (Selector.SelectorParseException e) {
                        throw file.error("'" + selector + "' is not a CSS selector: " + e.getMessage());
                    }
                }
            }
            int maxPages = select.maxPages() == null ? 5 : select.maxPages();
            if (maxPages < 1 || maxPages > 100) {
                throw file.error("select.maxPages must be 1 to 100");
            }
            MirrorProfile.DetailSelectors detail = null;
            if (select.detail() != null) {
                if (select.link() == null) {
                    throw file.error("select.detail needs select.link to follow");
                }
                detail = new MirrorProfile.DetailSelectors(
                        select.detail().title(),
                        select.detail().date(),
                        required(file, select.detail().body(), "select.detail.body"));
            }
            int maxDetails = select.maxDetails() == null ? 20 : select.maxDetails();
            if (maxDetails < 1 || maxDetails > 500) {
                throw file.error("select.maxDetails must be 1 to 500");
            }
            return new MirrorProfile(
                    id,
                    p.description() == null ? "" : p.description(),
                    format,
                    p.files() == null ? "**/*.html" : p.files(),
                    null,
                    null,
                    p.title(),
                    fileNameDate,
                    undated,
                    new MirrorProfile.HtmlSelectors(
                            item,
                            select.title(),
                            select.link(),
                            select.date(),
                            select.body(),
                            select.next(),
                            maxPages,
                            detail,
                            maxDetails));
        }
        return new MirrorProfile(
                id,
                p.description() == null ? "" : p.description(),
                format,
                required(file, p.files(), "files"),
                required(file, p.records(), "records"),
                required(file, p.record(), "record"),
                required(file, p.title(), "title"),
                fileNameDate,
                undated,
                null);
    }

    private static String required(DefinitionFile file, @Nullable String value, String key) {
        if (value == null || value.isBlank()) {
            throw new DefinitionException(file.origin(), -1, key + " is required");
        }
        return value;
    }
}
