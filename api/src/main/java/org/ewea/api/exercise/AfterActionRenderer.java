package org.ewea.api.exercise;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Polygon;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.ewea.alerts.digest.DigestRenderer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Renders an after-action report as an XHTML page (jsoup DOM, all text escaped: alert titles come from harvested
 * text) with a timeline chart drawn on the server (JFreeChart), and the same page as PDF.
 */
final class AfterActionRenderer {

    /** The report page loads nothing: the chart is inline. */
    static final String CSP = DigestRenderer.CSP;

    private static final String STYLE = """
            body { font-family: sans-serif; font-size: 10pt; color: #1b1b1b; margin: 24px; }
            h1 { font-size: 18pt; margin-bottom: 2px; } h2 { font-size: 13pt; margin-top: 22px;
            border-bottom: 1px solid #999; } table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eee; } .meta, .note { color: #555; } .gained { color: #1a7f37; }
            .lost { color: #b42318; } img { width: 100%; }
            """;

    private AfterActionRenderer() {}

    static String html(AfterActionReport report) {
        return render(report).outerHtml();
    }

    static byte[] pdf(AfterActionReport report) {
        return DigestRenderer.pdf(render(report));
    }

    private static Document render(AfterActionReport r) {
        Document doc = Document.createShell("");
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8");
        doc.head().appendElement("meta").attr("charset", "UTF-8");
        doc.head().appendElement("style").text(STYLE);
        doc.title("After-action report: " + r.name());
        Element body = doc.body();
        body.appendElement("h1").text("After-action report: " + r.name());
        body.appendElement("p")
                .addClass("meta")
                .text("Exercise " + r.exerciseId() + " - scenario " + r.start()
                        + " to " + r.end() + " - replayed to " + r.replayedTo() + " ("
                        + r.state().toLowerCase(Locale.ROOT)
                        + ") - report made " + r.made()
                        + ". Times are simulated (scenario) times; lead = the day the threat"
                        + " became authoritative minus the time of the warning or action: positive is time gained.");
        if (r.alertsWithheld() > 0) {
            body.appendElement("p")
                    .addClass("note")
                    .text(r.alertsWithheld() + " alert(s) marked above your clearance" + " are not counted or shown.");
        }

        body.appendElement("h2").text("Threats that mattered");
        table(
                body,
                r.threats(),
                List.of("Threat", "Authoritative", "First evidence", "Items before", "System warned", "Lead", "Missed"),
                t -> List.of(
                        t.label() + " (" + t.kind() + ")",
                        t.authoritative().toString().substring(0, 10)
                                + (t.reference() == null ? "" : " - " + t.reference()),
                        t.firstEvidence() == null
                                ? "none replayed"
                                : t.firstEvidence().toString(),
                        Long.toString(t.evidenceBeforeAuthoritative()),
                        t.warned() == null ? "never" : t.warned() + ": " + t.warning(),
                        lead(t.warningLead()),
                        t.missed() ? "yes: signals were there" : ""));

        if (!r.threats().isEmpty()) {
            body.appendElement("h2").text("Timeline");
            body.appendElement("img")
                    .attr("alt", "Timeline of evidence, warnings, team actions and authoritative" + " dates per threat")
                    .attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(timeline(r)));
        }

        body.appendElement("h2").text("When each team acted");
        List<String> columns = new ArrayList<>(List.of("Threat"));
        r.teams().forEach(t -> columns.add(t.name()));
        table(body, r.threats(), columns, t -> {
            List<String> cells = new ArrayList<>(List.of(t.label()));
            for (AfterActionReport.TeamLine team : r.teams()) {
                AfterActionReport.Response response = t.responses().get(team.id());
                cells.add(
                        response == null
                                ? "no action"
                                : response.what() + " at " + response.at() + " by " + response.by() + " (lead "
                                        + lead(response.lead()) + ")");
            }
            return cells;
        });

        body.appendElement("h2").text("Teams compared");
        table(
                body,
                r.teams(),
                List.of(
                        "Team",
                        "Participants",
                        "Decisions",
                        "Threats acted on early",
                        "Median lead",
                        "Real threats dismissed",
                        "False alarms dismissed",
                        "False alarms actioned",
                        "Early actions (recommended)",
                        "Answers"),
                t -> List.of(
                        t.name(),
                        String.join(", ", t.participants()),
                        Long.toString(t.decisions()),
                        t.threatsActedBeforeAuthoritative() + " of " + t.threats(),
                        lead(t.medianLead()),
                        Long.toString(t.realThreatsDismissed()),
                        Long.toString(t.falseAlarmsDismissed()),
                        Long.toString(t.falseAlarmsActioned()),
                        t.actionsChosen() + " (" + t.actionsRecommended() + ")",
                        Long.toString(t.answers())));

        body.appendElement("h2").text("False alarms");
        if (r.falseAlarms().isEmpty()) {
            body.appendElement("p")
                    .text("None: every alert was about a threat of the ground truth or a collection" + " gap.");
        }
        table(
                body,
                r.falseAlarms(),
                List.of("Alert", "About", "Raised", "Verdicts"),
                f -> List.of(
                        f.title(),
                        f.subject(),
                        f.raisedAt().toString(),
                        f.verdicts().isEmpty() ? "none" : f.verdicts().toString()));

        body.appendElement("h2").text("Early actions chosen against the playbooks");
        if (r.actions().isEmpty()) {
            body.appendElement("p").text("No early actions were chosen.");
        }
        table(
                body,
                r.actions(),
                List.of("Team", "Alert", "Chosen", "Recommended", "Not recommended", "When"),
                a -> List.of(
                        a.team(),
                        a.alertTitle(),
                        String.join(", ", a.chosen()),
                        String.join(", ", a.recommended()),
                        String.join(
                                ", ",
                                a.chosen().stream()
                                        .filter(c -> !a.recommended().contains(c))
                                        .toList()),
                        a.at().toString()));

        body.appendElement("h2").text("Policy questions");
        if (r.answers().isEmpty()) {
            body.appendElement("p").text("No answers.");
        }
        table(
                body,
                r.answers(),
                List.of("Question", "Asked", "Team", "By", "Answered", "Answer"),
                a -> List.of(a.question(), a.asked().toString(), a.team(), a.by(), a.at().toString(), a.text()));
        return doc;
    }

    static String lead(Duration lead) {
        if (lead == null) {
            return "-";
        }
        long hours = Math.abs(lead.toHours());
        String amount = hours >= 48
                ? (hours / 24) + " d " + (hours % 24) + " h"
                : hours + " h " + Math.abs(lead.toMinutesPart()) + " min";
        return (lead.isNegative() ? "lost " : "gained ") + amount;
    }

    private static <T> void table(Element body, List<T> rows, List<String> columns, Function<T, List<String>> cells) {
        DigestRenderer.table(body, rows, columns, cells);
    }

    /** Per threat (one row each): first evidence, warning, each team's first action, authoritative date. */
    static byte[] timeline(AfterActionReport r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries evidence = new XYSeries("first evidence");
        XYSeries warned = new XYSeries("system warned");
        XYSeries authoritative = new XYSeries("authoritative");
        List<XYSeries> teams = new ArrayList<>();
        r.teams().forEach(t -> teams.add(new XYSeries(t.name() + " acted")));
        String[] labels = new String[r.threats().size()];
        for (int i = 0; i < r.threats().size(); i++) {
            AfterActionReport.Threat t = r.threats().get(i);
            labels[i] = t.label();
            add(evidence, t.firstEvidence(), i);
            add(warned, t.warned(), i);
            add(authoritative, t.authoritative(), i);
            for (int j = 0; j < r.teams().size(); j++) {
                AfterActionReport.Response response =
                        t.responses().get(r.teams().get(j).id());
                add(teams.get(j), response == null ? null : response.at(), i);
            }
        }
        data.addSeries(evidence);
        data.addSeries(warned);
        data.addSeries(authoritative);
        teams.forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesShape(1, new Rectangle2D.Double(-5, -5, 10, 10));
        renderer.setSeriesShape(2, new Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4));
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesPaint(1, new Color(0xD9, 0x7A, 0x00));
        renderer.setSeriesPaint(2, Color.BLACK);
        Color[] palette = {
            new Color(0x1F, 0x77, 0xB4),
            new Color(0x2C, 0xA0, 0x2C),
            new Color(0x94, 0x67, 0xBD),
            new Color(0xD6, 0x27, 0x28),
            new Color(0x17, 0xBE, 0xCF)
        };
        for (int j = 0; j < teams.size(); j++) {
            renderer.setSeriesPaint(3 + j, palette[j % palette.length]);
            renderer.setSeriesShape(3 + j, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, new DateAxis("simulated time (UTC)"), new SymbolAxis(null, labels), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        JFreeChart chart = new JFreeChart("Evidence, warnings, actions and authoritative dates", plot);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(900, Math.max(260, 90 + 40 * labels.length));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(XYSeries series, Instant at, int row) {
        if (at != null) {
            series.add(at.toEpochMilli(), row);
        }
    }
}
