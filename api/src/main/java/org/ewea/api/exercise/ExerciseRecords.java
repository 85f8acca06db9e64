package org.ewea.api.exercise;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * What happens in an exercise besides the pipeline's own collections, kept in the exercise's database: participants'
 * decisions, the trainer's live injects, the policy questions asked, and the log of the timeline (every replayed
 * capture, inject and rule evaluation, in order). All calls block.
 */
final class ExerciseRecords {

    /** One line of the exercise's log. */
    public record LogLine(long number, Instant at, String kind, String detail) {}

    /** A policy question injected into the exercise. */
    public record Question(String id, Instant at, String title, String text) {}

    private final MongoCollection<Document> decisions;
    private final MongoCollection<Document> injects;
    private final MongoCollection<Document> questions;
    private final MongoCollection<Document> log;
    private final MongoCollection<Document> counters;

    ExerciseRecords(MongoDatabase database) {
        this.decisions = database.getCollection("exercise_decisions");
        this.injects = database.getCollection("exercise_injects");
        this.questions = database.getCollection("exercise_questions");
        this.log = database.getCollection("exercise_log");
        this.counters = database.getCollection("exercise_counters");
    }

    private long next(String name) {
        Document d = counters.findOneAndUpdate(
                Filters.eq("_id", name),
                Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return d.get("seq", Number.class).longValue();
    }

    void log(Instant at, String kind, String detail) {
        log(at, kind, detail, Clearance.of(Tlp.CLEAR));
    }

    /** A log line quoting material of this marking: shown only to who may read it. */
    void log(Instant at, String kind, String detail, Clearance marking) {
        log.insertOne(new Document("_id", next("log"))
                .append("at", Date.from(at))
                .append("kind", kind)
                .append("detail", detail)
                .append(Markings.TLP, marking.tlp().name())
                .append(Markings.HANDLING, Markings.handlingDocument(marking.handling())));
    }

    /** The newest log lines the reader may read (lines quoting injects above their clearance are left out). */
    List<LogLine> log(int limit, Clearance reader) {
        List<LogLine> lines = new ArrayList<>();
        var filter = Markings.cleared(reader);
        log.find(filter == null ? new Document() : filter)
                .sort(Sorts.descending("_id"))
                .limit(limit)
                .forEach(d -> lines.add(new LogLine(
                        d.get("_id", Number.class).longValue(),
                        d.getDate("at").toInstant(),
                        d.getString("kind"),
                        d.getString("detail"))));
        return lines;
    }

    Decision decide(
            Instant at,
            Instant wall,
            String user,
            String team,
            String type,
            @Nullable String alertId,
            @Nullable String subjectKind,
            @Nullable String subjectId,
            @Nullable String to,
            List<String> actions,
            @Nullable String questionId,
            @Nullable String text) {
        Decision decision = new Decision(
                next("decision"),
                at,
                wall,
                user,
                team,
                type,
                alertId,
                subjectKind,
                subjectId,
                to,
                actions,
                questionId,
                text);
        decisions.insertOne(new Document("_id", decision.number())
                .append("at", Date.from(at))
                .append("wall", Date.from(wall))
                .append("user", user)
                .append("team", team)
                .append("type", type)
                .append("alertId", alertId)
                .append("subjectKind", subjectKind)
                .append("subjectId", subjectId)
                .append("to", to)
                .append("actions", actions)
                .append("questionId", questionId)
                .append("text", text));
        return decision;
    }

    List<Decision> decisions() {
        List<Decision> all = new ArrayList<>();
        decisions
                .find()
                .sort(Sorts.ascending("_id"))
                .forEach(d -> all.add(new Decision(
                        d.get("_id", Number.class).longValue(),
                        d.getDate("at").toInstant(),
                        d.getDate("wall").toInstant(),
                        d.getString("user"),
                        d.getString("team"),
                        d.getString("type"),
                        d.getString("alertId"),
                        d.getString("subjectKind"),
                        d.getString("subjectId"),
                        d.getString("to"),
                        d.getList("actions", String.class, List.of()),
                        d.getString("questionId"),
                        d.getString("text"))));
        return all;
    }

    /** Stores a trainer's live inject; its number. */
    long addInject(ExerciseDefinition.Inject inject, String by) {
        long number = next("inject");
        injects.insertOne(new Document("_id", number)
                .append("at", Date.from(inject.at()))
                .append("type", inject.type())
                .append("title", inject.title())
                .append("text", inject.text())
                .append("source", inject.source())
                .append("grading", inject.grading())
                .append("tlp", inject.tlp())
                .append("handling", inject.handling())
                .append("url", inject.url())
                .append("by", by));
        return number;
    }

    List<ExerciseDefinition.Inject> liveInjects() {
        List<ExerciseDefinition.Inject> all = new ArrayList<>();
        injects.find()
                .sort(Sorts.ascending("_id"))
                .forEach(d -> all.add(new ExerciseDefinition.Inject(
                        d.getDate("at").toInstant(),
                        d.getString("type"),
                        d.getString("title"),
                        d.getString("text"),
                        d.getString("source"),
                        d.getString("grading"),
                        d.getString("tlp"),
                        d.getString("handling"),
                        d.getString("url"))));
        return all;
    }

    void ask(Question question) {
        questions.replaceOne(
                Filters.eq("_id", question.id()),
                new Document("_id", question.id())
                        .append("at", Date.from(question.at()))
                        .append("title", question.title())
                        .append("text", question.text()),
                new ReplaceOptions().upsert(true));
    }

    List<Question> questions() {
        List<Question> all = new ArrayList<>();
        questions
                .find()
                .sort(Sorts.ascending("at", "_id"))
                .forEach(d -> all.add(new Question(
                        d.getString("_id"), d.getDate("at").toInstant(), d.getString("title"), d.getString("text"))));
        return all;
    }
}
