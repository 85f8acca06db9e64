package org.ewea.alerts.digest;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Renders a digest for one reader: lines marked above the reader's clearance are left out (and counted), the page
 * is marked with the most restrictive TLP of what is shown, and all text is escaped (harvested titles are hostile).
 * HTML through jsoup's DOM; PDF from the same DOM through openhtmltopdf (PDFBox), with the chart rendered on the
 * server.
 */
public final class DigestRenderer {

    /** The Content-Security-Policy to serve a digest page with: it loads nothing, the chart is inline. */
    public static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    /** Times to the minute, in UTC: no raw nanosecond instants in a brief. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body { font-family: sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 24px; }
            h1 { font-size: 18pt; margin-bottom: 2px; } h2 { font-size: 13pt; margin-top: 22px;
            border-bottom: 1px solid #999; } table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eee; } .tlp { font-weight: bold; padding: 2px 6px; color: #fff;
            background: #000; display: inline-block; } .meta { color: #555; } .note { color: #555;
            font-style: italic; } .CLEAR { color: #000; background: #fff; border: 1px solid #000; }
            .GREEN { color: #33ff00; } .AMBER, .AMBER_STRICT { color: #ffc000; } .RED { color: #ff2b2b; }
            img { width: 100%; }
            """;

    /** The digest for a reader cleared to {@code clearance}, as an XHTML page. */
    public String html(String id, DigestContent content, Clearance clearance) {
        Document doc = render(id, content, clearance);
        return doc.outerHtml();
    }

    /** The same page as PDF. */
    public byte[] pdf(String id, DigestContent content, Clearance clearance) {
        return pdf(render(id, content, clearance));
    }

    /**
     * Any page built with jsoup in XHTML syntax, as PDF (openhtmltopdf, PDFBox); images must be inline
     * ({@code data:} URLs): nothing is fetched.
     */
    public static byte[] pdf(Document doc) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(doc), "about:blank");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document render(String id, DigestContent c, Clearance clearance) {
        Withheld withheld = new Withheld(clearance);
        Document doc = Document.createShell("");
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8");
        doc.head().appendElement("meta").attr("charset", "UTF-8");
        doc.head().appendElement("style").text(STYLE);
        Element body = doc.body();
        Element marking = body.appendElement("div").addClass("tlp");
        String title = switch (c.audience()) {
            case "policy" -> "EW/EA policy brief";
            case "trainer" -> "EW/EA trainer pack";
            default -> "EW/EA analyst digest";
        };
        doc.title(title + " " + c.from() + " to " + c.to());
        body.appendElement("h1").text(title);
        body.appendElement("p")
                .addClass("meta")
                .text("Period " + DAY.format(c.from()) + " to " + DAY.format(c.to())
                        + " - made " + TIME.format(c.created()) + " by " + c.createdBy() + " - methodology "
                        + c.methodologyVersion() + ", model " + c.modelVersion() + " - digest " + id);
        body.appendElement("p")
                .addClass("provenance")
                .text("Machine-derived: the scores, stages, priorities and"
                        + " alerts below were computed by the model " + c.modelVersion() + " under the methodology "
                        + c.methodologyVersion()
                        + " (MISP ai-computer-assisted: ai-generated), not written by a person;"
                        + " each alert says whether an analyst has reviewed it.");

        section(
                body,
                "Top movers: highest early-warning scores not yet authoritative",
                withheld.keep(c.movers()),
                List.of("Subject", "Score", "Stage", "Priority", "Items (28 d)", "Last 8 weeks", "Why"),
                e -> List.of(
                        e.label() + " (" + e.kind() + ")",
                        percent(e.score()),
                        e.stage(),
                        e.priority() + " " + e.priorityLabel(),
                        Long.toString(e.evidenceCount()),
                        e.weekly().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        e.summary()));
        List<DigestContent.Trend> trends = withheld.keep(c.trends());
        if (!trends.isEmpty()) {
            body.appendElement("h2").text("Signal trends");
            body.appendElement("img")
                    .attr("alt", "Daily mentions of the top movers")
                    .attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(TrendChart.png(trends)));
        }
        section(
                body,
                "Stage transitions in the period",
                withheld.keep(c.transitions()),
                List.of("Subject", "Stage", "Since", "Rule"),
                e -> List.of(
                        e.label() + " (" + e.kind() + ")", e.stage(), DAY.format(e.stageSince()), e.stageReason()));
        section(
                body,
                "New actors, tools, terms and technologies",
                withheld.keep(c.newcomers()),
                List.of("Subject", "First seen", "Items (28 d)", "Score"),
                e -> List.of(
                        e.label() + " (" + e.kind() + ")",
                        e.firstSeen() == null ? "" : DAY.format(e.firstSeen()),
                        Long.toString(e.evidenceCount()),
                        percent(e.score())));
        section(
                body,
                "Priorities",
                withheld.keep(c.priorities()),
                List.of("Subject", "Priority", "Stage", "Score", "Why"),
                e -> List.of(
                        e.label() + " (" + e.kind() + ")",
                        e.priority() + " " + e.priorityLabel(),
                        e.stage(),
                        percent(e.score()),
                        e.summary()));
        section(
                body,
                "Alerts",
                withheld.keep(c.alerts()),
                List.of("Alert", "State", "Priority", "Rule", "Raised", "Reviewed", "Marking"),
                a -> List.of(
                        a.title(),
                        a.state(),
                        a.priority() == null ? "" : a.priority(),
                        a.rule(),
                        TIME.format(a.raisedAt()),
                        a.review() == null ? "" : a.review(),
                        marking(a)));
        section(
                body,
                c.audience().equals("policy") ? "Recommended early actions" : "Early actions",
                withheld.keep(c.actions()),
                List.of("Action", "Owner", "Status", "Due", "For", "What to do"),
                a -> List.of(a.title(), a.owner(), a.status(), DAY.format(a.due()), a.alertTitle(), a.text()));
        section(
                body,
                "Evidence items for the exercise",
                withheld.keep(c.evidence()),
                List.of("Item", "Source", "Published", "Grade", "Marking", "Behind"),
                i -> List.of(
                        i.title(),
                        i.source(),
                        i.published() == null ? "" : TIME.format(i.published()),
                        i.grade(),
                        marking(i),
                        i.alertTitle()));
        section(
                body,
                "Source health",
                c.sources(),
                List.of("Source", "Status", "Explanation"),
                s -> List.of(s.title() + " (" + s.id() + ")", s.status(), s.explanation()));
        if (withheld.count > 0) {
            body.appendElement("p")
                    .addClass("note")
                    .text(withheld.count + " line(s) marked above your clearance (" + clearance.describe()
                            + ") are not shown.");
        }
        String shown = withheld.shown.label()
                + (withheld.handling == Handling.NONE
                        ? ""
                        : " - handling " + withheld.handling.label() + ": " + withheld.handling.meaning());
        marking.text(shown).addClass(withheld.shown.name());
        body.appendElement("p").addClass("tlp").addClass(withheld.shown.name()).text(shown);
        return doc;
    }

    private static <T> void section(
            Element body, String heading, List<T> rows, List<String> columns, Function<T, List<String>> cells) {
        if (rows.isEmpty()) {
            return;
        }
        body.appendElement("h2").text(heading);
        table(body, rows, columns, cells);
    }

    /** A table of the rows, one cell per column, all text escaped; nothing for no rows. */
    public static <T> void table(Element body, List<T> rows, List<String> columns, Function<T, List<String>> cells) {
        if (rows.isEmpty()) {
            return;
        }
        Element table = body.appendElement("table");
        Element head = table.appendElement("thead").appendElement("tr");
        columns.forEach(c -> head.appendElement("th").text(c));
        Element tbody = table.appendElement("tbody");
        for (T row : rows) {
            Element tr = tbody.appendElement("tr");
            cells.apply(row).forEach(cell -> tr.appendElement("td").text(cell));
        }
    }

    private static String percent(double score) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * score);
    }

    /** {@code TLP:AMBER}, or {@code TLP:AMBER, europol:H2} for a line with a handling code. */
    private static String marking(DigestContent.Marked line) {
        return line.tlp().label()
                + (line.handling() == Handling.NONE
                        ? ""
                        : ", " + line.handling().label());
    }

    /**
     * Keeps the lines a reader is cleared for, counting the rest, and the most restrictive marking and handling code
     * shown.
     */
    private static final class Withheld {

        private final Clearance clearance;
        private int count;
        private Tlp shown = Tlp.CLEAR;
        private Handling handling = Handling.NONE;

        Withheld(Clearance clearance) {
            this.clearance = clearance;
        }

        <T extends DigestContent.Marked> List<T> keep(List<T> lines) {
            List<T> kept = new ArrayList<>();
            for (T line : lines) {
                if (clearance.permits(line.tlp(), line.handling())) {
                    kept.add(line);
                    shown = Tlp.mostRestrictive(shown, line.tlp());
                    handling = Handling.mostRestrictive(handling, line.handling());
                } else {
                    count++;
                }
            }
            return kept;
        }
    }
}
