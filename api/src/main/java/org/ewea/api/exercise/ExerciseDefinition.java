package org.ewea.api.exercise;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An exercise as a trainer writes it (JSON for the API, YAML for a bundled exercise). Check one with
 * {@link ExerciseValidator}.
 *
 * @param id stable id, e.g. {@code ransomware-week-2025}: names the exercise's own database
 * @param name human name
 * @param description what the scenario is about
 * @param recordings folder recordings to replay ({@code bundled:<name>} for one shipped in the service, or a folder
 *     under the exercises directory)
 * @param start scenario start, in the past
 * @param end scenario end
 * @param speed simulated seconds per wall-clock second when started (1 to 10,000; default 1,000)
 * @param evaluateEvery simulated time between rule evaluations (default PT6H)
 * @param watch the analysts' watchlist for the exercise: terms (products, vendors, names) an alert is raised for
 *     when replayed items mention them
 * @param teams teams and their participants (usernames)
 * @param injects timed events the trainer scripted
 * @param groundTruth the threats that matter and when they became authoritative
 */
public record ExerciseDefinition(
        @Schema(example = "ransomware-week") @Nullable String id,

        @Schema(example = "A week of ransomware negotiations") @Nullable
        String name,

        @Nullable String description,

        @Schema(example = "[\"bundled:ransomware-week\"]") @Nullable
        List<String> recordings,

        @Schema(example = "2025-03-03T00:00:00Z") @Nullable Instant start,
        @Schema(example = "2025-03-10T00:00:00Z") @Nullable Instant end,
        @Schema(example = "1000") @Nullable Double speed,
        @Schema(example = "PT6H") @Nullable Duration evaluateEvery,

        @Schema(example = "[\"FortiOS\", \"Akira\"]") @Nullable
        List<String> watch,

        @Nullable List<Team> teams,
        @Nullable List<Inject> injects,
        @Nullable List<GroundTruth> groundTruth) {

    /**
     * A team.
     *
     * @param id short id
     * @param name human name, e.g. "Cybercrime unit"
     * @param participants usernames of its members
     */
    public record Team(
            @Nullable String id,
            @Nullable String name,
            @Nullable List<String> participants) {}

    /**
     * A timed event of the scenario.
     *
     * @param at when it happens (simulated time)
     * @param type {@code item} (a new item from a source), {@code tip} (an intelligence tip with a grading),
     *     {@code source-dark} (a source stops delivering), {@code question} (a policy question for the teams)
     * @param title headline (item, tip, question)
     * @param text body (item, tip) or the question
     * @param source the source it comes from (item; the source going dark)
     * @param grading Admiralty grade of a tip or item, e.g. {@code B2}
     * @param tlp its TLP marking (default TLP:GREEN for tips, CLEAR for items)
     * @param handling its handling code, e.g. {@code europol:H2}
     * @param url where the item is said to come from (optional)
     */
    public record Inject(
            @Nullable Instant at,
            @Nullable String type,
            @Nullable String title,
            @Nullable String text,
            @Nullable String source,
            @Nullable String grading,
            @Nullable String tlp,
            @Nullable String handling,
            @Nullable String url) {}

    /**
     * A threat that matters, and when it became authoritative.
     *
     * @param kind {@code cve}, {@code technology}, {@code actor}, {@code tool} or {@code term}
     * @param id its id: a CVE id, a taxonomy id, an ATT&CK name or a term
     * @param label human name
     * @param authoritative the day it became authoritative (e.g. CISA KEV dateAdded, MITRE ATT&CK created)
     * @param reference where that date comes from
     */
    public record GroundTruth(
            @Nullable String kind,
            @Nullable String id,
            @Nullable String label,
            @Nullable LocalDate authoritative,
            @Nullable String reference) {}
}
