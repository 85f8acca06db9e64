package org.ewea.collectors.mirror;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.collectors.feed.FeedEntry;
import org.ewea.collectors.feed.FeedParseException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads entries from an HTML page with a profile's CSS selectors (jsoup): one entry per item element, with its title,
 * link (resolved against the page), date and body. Only the text of the body is kept later; scripts and markup are
 * dropped by the normaliser.
 */
public final class HtmlProfileParser implements EntryParser {

    private final MirrorProfile.HtmlSelectors select;

    public HtmlProfileParser(MirrorProfile profile) {
        if (profile.html() == null) {
            throw new IllegalArgumentException("profile " + profile.id() + " is not an html profile");
        }
        this.select = profile.html();
    }

    @Override
    public List<FeedEntry> parse(Capture capture) throws FeedParseException {
        Document page = page(capture);
        List<FeedEntry> entries = new ArrayList<>();
        int index = 0;
        for (Element item : page.select(select.item())) {
            String link = value(item, select.link());
            String date = value(item, select.date());
            Element body = select.body() == null ? item : item.selectFirst(select.body());
            entries.add(new FeedEntry(
                    index++,
                    null,
                    value(item, select.title()),
                    link,
                    body == null ? null : body.html(),
                    date == null ? null : date(date).orElse(null),
                    null));
        }
        return entries;
    }

    /**
     * Reads an entry's own page with the profile's detail selectors: one entry, its link the page's URL, with the
     * list page's title and date where the page has none.
     */
    public EntryParser detail(FeedEntry listed) {
        MirrorProfile.DetailSelectors d = select.detail();
        if (d == null) {
            throw new IllegalStateException("the profile has no detail selectors");
        }
        return capture -> {
            Document page = page(capture);
            String title = value(page, d.title());
            String date = value(page, d.date());
            Element body = page.selectFirst(d.body());
            return List.of(new FeedEntry(
                    0,
                    null,
                    title == null || title.isBlank() ? listed.title() : title,
                    capture.origin().toString(),
                    body == null ? null : body.html(),
                    date == null ? listed.published() : date(date).orElse(listed.published()),
                    null));
        };
    }

    public boolean followsEntries() {
        return select.detail() != null;
    }

    public int maxDetails() {
        return select.maxDetails();
    }

    /** The next page's absolute URL, if the profile names one and the page has it. */
    public Optional<String> next(Capture capture) throws FeedParseException {
        return Optional.ofNullable(select.next() == null ? null : value(page(capture), select.next()))
                .filter(s -> !s.isBlank());
    }

    private static Document page(Capture capture) {
        return Jsoup.parse(
                new String(capture.body(), StandardCharsets.UTF_8),
                capture.origin().toString());
    }

    /** The text of the first match, or with {@code selector@attr} its attribute (absolute for href and src). */
    private static @Nullable String value(Element scope, @Nullable String selector) {
        if (selector == null) {
            return null;
        }
        int at = selector.lastIndexOf('@');
        String css = at > 0 ? selector.substring(0, at) : selector;
        String attribute = at > 0 ? selector.substring(at + 1) : null;
        Element element = css.isBlank() ? scope : scope.selectFirst(css);
        if (element == null) {
            return null;
        }
        if (attribute == null) {
            return element.text();
        }
        return attribute.equals("href") || attribute.equals("src")
                ? element.absUrl(attribute)
                : element.attr(attribute);
    }

    /** ISO-8601 (with or without offset), RFC 1123, or yyyy-MM-dd (taken as UTC); anything else: unknown. */
    static Optional<Instant> date(String text) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
