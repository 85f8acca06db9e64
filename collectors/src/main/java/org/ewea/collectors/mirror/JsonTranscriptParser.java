package org.ewea.collectors.mirror;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.collectors.feed.FeedEntry;
import org.ewea.collectors.feed.FeedParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one JSON transcript (a chat, a thread) as one entry, as its profile says: the records are rendered line by
 * line into the text, the title is filled from the file's folder and name and the document's fields, and the date
 * comes from the file name. The capture's locator is the file's path relative to the mirror.
 */
public final class JsonTranscriptParser implements EntryParser {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private final MirrorProfile profile;
    private final JsonMapper json = JsonMapper.builder().build();

    public JsonTranscriptParser(MirrorProfile profile) {
        this.profile = profile;
    }

    @Override
    public List<FeedEntry> parse(Capture capture) throws FeedParseException {
        JsonNode document;
        try {
            document = json.readTree(capture.body());
        } catch (JacksonException e) {
            throw new FeedParseException("not readable JSON: " + e.getOriginalMessage(), e);
        }
        if (document == null || !document.isObject()) {
            throw new FeedParseException("not a JSON object", null);
        }
        JsonNode records = document.path(profile.records());
        if (!records.isArray()) {
            throw new FeedParseException("no '" + profile.records() + "' array in the document", null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode record : records) {
            String line = fill(profile.record(), record, null).strip();
            if (!line.isEmpty()) {
                text.append(escape(line)).append("<br>\n");
            }
        }
        String path = capture.locator().contains("#")
                ? capture.locator().substring(0, capture.locator().indexOf('#'))
                : capture.locator();
        String file = path.substring(path.lastIndexOf('/') + 1);
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        dir = dir.substring(dir.lastIndexOf('/') + 1);
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String title = fill(profile.title().replace("{dir}", dir).replace("{file}", stem), document, null)
                .strip();
        var date = MirrorDates.of(profile, file);
        return List.of(new FeedEntry(
                0,
                null,
                escape(title),
                null,
                text.toString(),
                date.map(MirrorDates::published).orElse(null),
                null));
    }

    private static String fill(String template, JsonNode node, String fallback) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = node.path(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asString("") : ""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Chat text is text: escaped so that HTML stripping keeps "<3" or "<script>" as the words they are. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
