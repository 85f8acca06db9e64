package org.ewea.alerts.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * What a digest says, kept as data so that each reader gets it rendered with only what they are cleared for: every
 * line carries its own marking and handling code (digests archived before handling codes read as unrestricted).
 *
 * @param audience analyst, policy or trainer
 * @param from first day covered
 * @param to last day covered (the day scored)
 * @param created when it was made
 * @param createdBy who asked for it ({@code schedule} for the weekly run)
 * @param methodologyVersion the methodology in force
 * @param modelVersion the scoring model used
 * @param movers the highest early-warning scores not yet authoritative, with their weekly counts
 * @param transitions subjects that changed stage in the period
 * @param newcomers actors, tools, terms and technologies first seen in the period
 * @param priorities the subjects the risk matrix ranks highest
 * @param alerts alerts raised or changed in the period
 * @param actions open early actions for the audience
 * @param sources the sources' health
 * @param trends daily mentions of the top movers, for the chart
 * @param evidence items behind the alerts (trainer pack)
 */
public record DigestContent(
        String audience,
        LocalDate from,
        LocalDate to,
        Instant created,
        String createdBy,
        String methodologyVersion,
        String modelVersion,
        List<Entry> movers,
        List<Entry> transitions,
        List<Entry> newcomers,
        List<Entry> priorities,
        List<AlertLine> alerts,
        List<ActionLine> actions,
        List<SourceLine> sources,
        List<Trend> trends,
        List<ItemLine> evidence) {

    /** A scored subject. */
    public record Entry(
            String kind,
            String series,
            String label,
            double score,
            String stage,
            LocalDate stageSince,
            String stageReason,
            String priority,
            String priorityLabel,
            long evidenceCount,
            @Nullable LocalDate firstSeen,
            @Nullable LocalDate authoritativeSince,
            String summary,
            List<Long> weekly,
            Tlp tlp,
            @Nullable Handling handling)
            implements Marked {

        public Entry {
            handling = handling == null ? Handling.NONE : handling;
        }
    }

    /** An alert. */
    public record AlertLine(
            String id,
            String title,
            String state,
            @Nullable String priority,
            String rule,
            Instant raisedAt,
            String summary,
            Tlp tlp,
            @Nullable Handling handling,
            @Nullable String review)
            implements Marked {

        public AlertLine {
            handling = handling == null ? Handling.NONE : handling;
        }
    }

    /** An early action. */
    public record ActionLine(
            String title,
            String audience,
            String owner,
            String status,
            LocalDate due,
            String alertTitle,
            String text,
            Tlp tlp,
            @Nullable Handling handling)
            implements Marked {

        public ActionLine {
            handling = handling == null ? Handling.NONE : handling;
        }
    }

    /** A source's health. */
    public record SourceLine(String id, String title, String status, String explanation) {}

    /** A subject's daily mentions. */
    public record Trend(
            String label,
            LocalDate first,
            List<Long> daily,
            Tlp tlp,
            @Nullable Handling handling) implements Marked {

        public Trend {
            handling = handling == null ? Handling.NONE : handling;
        }
    }

    /** An evidence item. */
    public record ItemLine(
            String title,
            String source,
            @Nullable Instant published,
            String grade,
            @Nullable String url,
            String alertTitle,
            Tlp tlp,
            @Nullable Handling handling)
            implements Marked {

        public ItemLine {
            handling = handling == null ? Handling.NONE : handling;
        }
    }

    /** A line with a marking and a handling code: shown only to readers cleared for both. */
    public interface Marked {
        Tlp tlp();

        Handling handling();
    }
}
