package org.ewea.collectors.normalise;

import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/** Markup to plain text: harvested HTML is hostile, so nothing of it survives but its text. */
public final class PlainText {

    private PlainText() {}

    /**
     * The text of an HTML fragment (or of plain text containing entities), whitespace collapsed. Scripts, styles,
     * comments and every attribute are dropped: only text nodes are kept.
     */
    public static String fromHtml(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String safe = Jsoup.clean(html, "", Safelist.basic(), new Document.OutputSettings().prettyPrint(false));
        return collapse(Jsoup.parseBodyFragment(safe).text());
    }

    /** NFKC-normalised, lower-cased, whitespace collapsed: the form content hashes are taken of. */
    public static String canonicalForm(String text) {
        return collapse(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    private static String collapse(String text) {
        return text.replaceAll("[\\s\\u00a0\\u200b]+", " ").strip();
    }
}
