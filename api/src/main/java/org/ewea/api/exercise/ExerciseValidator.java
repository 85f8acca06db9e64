package org.ewea.api.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.grading.HandlingCodes;

/**
 * Checks an exercise definition and fills its defaults, reporting every problem at once (400 problem+json naming each
 * field).
 */
final class ExerciseValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    static final List<String> INJECT_TYPES = List.of("item", "tip", "source-dark", "question");
    static final List<String> KINDS = List.of("cve", "technology", "actor", "tool", "term");
    static final double DEFAULT_SPEED = 1000;
    static final Duration DEFAULT_EVALUATION = Duration.ofHours(6);
    private static final Duration LONGEST = Duration.ofDays(400);
    private static final int MAX_INJECTS = 500;
    private static final int MAX_TEXT = 20_000;

    private final HandlingCodes handlingCodes;
    private final Predicate<String> recordingExists;
    private final Predicate<String> userExists;

    ExerciseValidator(HandlingCodes handlingCodes, Predicate<String> recordingExists, Predicate<String> userExists) {
        this.handlingCodes = handlingCodes;
        this.recordingExists = recordingExists;
        this.userExists = userExists;
    }

    /** The definition with defaults filled in; throws 400 naming every invalid field. */
    ExerciseDefinition validate(ExerciseDefinition d, Instant now) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (d.id() == null || !ID.matcher(d.id()).matches()) {
            errors.add(error("id", "must be 2 to 40 of a-z, 0-9 and '-', starting with a letter or digit"));
        }
        String name = d.name() == null || d.name().isBlank()
                ? String.valueOf(d.id())
                : d.name().strip();
        if (name.length() > 200) {
            errors.add(error("name", "must be at most 200 characters"));
        }
        List<String> recordings = d.recordings() == null ? List.of() : d.recordings();
        if (recordings.isEmpty()) {
            errors.add(error(
                    "recordings",
                    "name at least one recording (bundled:<name> or a folder under the" + " exercises directory)"));
        }
        for (String recording : recordings) {
            if (recording == null || !recordingExists.test(recording)) {
                errors.add(error("recordings", "there is no recording '" + recording + "'"));
            }
        }
        if (d.start() == null || d.end() == null) {
            errors.add(error(d.start() == null ? "start" : "end", "is required"));
        } else {
            if (!d.end().isAfter(d.start())) {
                errors.add(error("end", "must be after start"));
            } else if (Duration.between(d.start(), d.end()).compareTo(LONGEST) > 0) {
                errors.add(error("end", "a scenario lasts at most 400 days"));
            }
            if (!d.start().isBefore(now)) {
                errors.add(error("start", "must be in the past: exercises replay recorded data"));
            }
        }
        double speed = d.speed() == null ? DEFAULT_SPEED : d.speed();
        if (!(speed >= 1 && speed <= ExerciseClock.MAX_SPEED)) {
            errors.add(error("speed", "must be between 1 and 10000"));
        }
        Duration every = d.evaluateEvery() == null ? DEFAULT_EVALUATION : d.evaluateEvery();
        if (every.compareTo(Duration.ofMinutes(15)) < 0 || every.compareTo(Duration.ofDays(7)) > 0) {
            errors.add(error("evaluateEvery", "must be between PT15M and P7D"));
        }
        List<String> watch = d.watch() == null ? List.of() : d.watch();
        if (watch.size() > 50
                || watch.stream().anyMatch(w -> w == null || w.strip().length() < 2 || w.length() > 100)) {
            errors.add(error("watch", "at most 50 terms of 2 to 100 characters"));
        }
        List<ExerciseDefinition.Team> teams = d.teams() == null ? List.of() : d.teams();
        if (teams.isEmpty()) {
            errors.add(error("teams", "name at least one team"));
        }
        Set<String> teamIds = new HashSet<>();
        Set<String> members = new HashSet<>();
        for (ExerciseDefinition.Team team : teams) {
            if (team == null || team.id() == null || !ID.matcher(team.id()).matches()) {
                errors.add(error("teams.id", "each team needs an id of 2 to 40 of a-z, 0-9 and '-'"));
                continue;
            }
            if (!teamIds.add(team.id())) {
                errors.add(error("teams.id", "team '" + team.id() + "' is listed twice"));
            }
            for (String user : team.participants() == null ? List.<String>of() : team.participants()) {
                if (user == null || !userExists.test(user)) {
                    errors.add(error("teams.participants", "there is no user '" + user + "'"));
                } else if (!members.add(user)) {
                    errors.add(error("teams.participants", "'" + user + "' is in more than one team"));
                }
            }
        }
        List<ExerciseDefinition.Inject> injects = d.injects() == null ? List.of() : d.injects();
        if (injects.size() > MAX_INJECTS) {
            errors.add(error("injects", "at most " + MAX_INJECTS));
        }
        for (int i = 0; i < Math.min(injects.size(), MAX_INJECTS); i++) {
            checkInject(injects.get(i), "injects[" + i + "]", d.start(), d.end(), errors);
        }
        List<ExerciseDefinition.GroundTruth> truth = d.groundTruth() == null ? List.of() : d.groundTruth();
        for (int i = 0; i < truth.size(); i++) {
            ExerciseDefinition.GroundTruth g = truth.get(i);
            String where = "groundTruth[" + i + "]";
            if (g == null || g.kind() == null || !KINDS.contains(g.kind())) {
                errors.add(error(where + ".kind", "must be one of " + KINDS));
            }
            if (g == null || g.id() == null || g.id().isBlank() || g.id().length() > 200) {
                errors.add(error(where + ".id", "is required (at most 200 characters)"));
            }
            if (g == null || g.authoritative() == null) {
                errors.add(error(where + ".authoritative", "is required: the day it became authoritative"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_REQUEST,
                    "The exercise is invalid: "
                            + errors.stream()
                                    .map(e -> e.name() + " " + e.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse("")
                            + ".",
                    errors);
        }
        return new ExerciseDefinition(
                d.id(),
                name,
                d.description(),
                List.copyOf(recordings),
                d.start(),
                d.end(),
                speed,
                every,
                watch.stream().map(String::strip).toList(),
                List.copyOf(teams),
                List.copyOf(injects),
                List.copyOf(truth));
    }

    /** Checks one inject (scripted, or live from the trainer); adds what is wrong. */
    void checkInject(
            ExerciseDefinition.Inject inject,
            String where,
            Instant start,
            Instant end,
            List<ApiProblem.FieldError> errors) {
        if (inject == null) {
            errors.add(error(where, "is empty"));
            return;
        }
        if (inject.at() == null) {
            errors.add(error(where + ".at", "is required"));
        } else if (start != null
                && end != null
                && (inject.at().isBefore(start) || inject.at().isAfter(end))) {
            errors.add(error(where + ".at", "must be within the scenario (" + start + " to " + end + ")"));
        }
        String type = inject.type() == null ? "" : inject.type().toLowerCase(Locale.ROOT);
        if (!INJECT_TYPES.contains(type)) {
            errors.add(error(where + ".type", "must be one of " + INJECT_TYPES));
            return;
        }
        boolean content = type.equals("item") || type.equals("tip") || type.equals("question");
        if (content && (inject.text() == null || inject.text().isBlank())) {
            errors.add(error(where + ".text", "is required for " + type));
        }
        if (inject.text() != null && inject.text().length() > MAX_TEXT
                || inject.title() != null && inject.title().length() > 500) {
            errors.add(error(where + ".text", "title at most 500 and text at most " + MAX_TEXT + " characters"));
        }
        if (type.equals("source-dark") || type.equals("item") || inject.source() != null) {
            try {
                new SourceId(String.valueOf(inject.source()));
            } catch (IllegalArgumentException e) {
                errors.add(error(where + ".source", "name the source by its id: " + e.getMessage()));
            }
        }
        if (inject.grading() != null) {
            try {
                AdmiraltyGrade.parse(inject.grading());
            } catch (IllegalArgumentException e) {
                errors.add(error(where + ".grading", e.getMessage()));
            }
        }
        if (inject.tlp() != null) {
            try {
                Tlp.parse(inject.tlp());
            } catch (IllegalArgumentException e) {
                errors.add(error(where + ".tlp", e.getMessage()));
            }
        }
        if (inject.handling() != null) {
            try {
                handlingCodes.parse(inject.handling());
            } catch (IllegalArgumentException e) {
                errors.add(error(where + ".handling", e.getMessage()));
            }
        }
        if (inject.url() != null && !inject.url().matches("https?://[^\\s]{1,2000}")) {
            errors.add(error(where + ".url", "must be an http(s) URL"));
        }
    }

    private static ApiProblem.FieldError error(String field, String message) {
        return new ApiProblem.FieldError(field, message);
    }
}
