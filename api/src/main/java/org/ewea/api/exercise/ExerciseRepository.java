package org.ewea.api.exercise;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue of exercises ({@code exercises} in the service's database): definitions, clocks and replay progress.
 * Nothing an exercise produces is kept here; that lives in the exercise's own database. All calls block.
 */
public final class ExerciseRepository {

    public static final String COLLECTION = "exercises";
    /** Every exercise database's name starts with this. */
    public static final String DATABASE_PREFIX = "ewea_exercise_";

    private final MongoCollection<Document> exercises;
    private final JsonMapper json;

    public ExerciseRepository(MongoDatabase database, JsonMapper json) {
        this.exercises = database.getCollection(COLLECTION);
        this.json = json;
    }

    /** Stores a new exercise; false when the id is taken. */
    public boolean insert(Exercise exercise) {
        try {
            exercises.insertOne(write(exercise));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void save(Exercise exercise) {
        exercises.replaceOne(Filters.eq("_id", exercise.id()), write(exercise));
    }

    public void saveProgress(String id, Instant processedUpTo) {
        exercises.updateOne(Filters.eq("_id", id), Updates.set("processedUpTo", Date.from(processedUpTo)));
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(exercises.find(Filters.eq("_id", id)).first())
                .map(this::read);
    }

    public List<Exercise> all() {
        List<Exercise> all = new ArrayList<>();
        exercises.find().sort(Sorts.descending("created")).forEach(d -> all.add(read(d)));
        return all;
    }

    private Document write(Exercise e) {
        ExerciseClock c = e.clock();
        List<String> participants = e.definition().teams().stream()
                .flatMap(t -> t.participants() == null ? Stream.<String>empty() : t.participants().stream())
                .toList();
        return new Document("_id", e.id())
                .append("definition", json.writeValueAsString(e.definition()))
                .append("participants", participants)
                .append(
                        "clock",
                        new Document("start", Date.from(c.start()))
                                .append("end", Date.from(c.end()))
                                .append("state", c.state().name())
                                .append("anchor", Date.from(c.anchor()))
                                .append("wallAnchor", Date.from(c.wallAnchor()))
                                .append("speed", c.speed()))
                .append("processedUpTo", Date.from(e.processedUpTo()))
                .append("database", e.database())
                .append("createdBy", e.createdBy())
                .append("created", Date.from(e.created()));
    }

    private Exercise read(Document d) {
        Document c = d.get("clock", Document.class);
        ExerciseClock clock = new ExerciseClock(
                c.getDate("start").toInstant(),
                c.getDate("end").toInstant(),
                ExerciseClock.State.valueOf(c.getString("state")),
                c.getDate("anchor").toInstant(),
                c.getDate("wallAnchor").toInstant(),
                c.get("speed", Number.class).doubleValue());
        return new Exercise(
                d.getString("_id"),
                json.readValue(d.getString("definition"), ExerciseDefinition.class),
                clock,
                d.getDate("processedUpTo").toInstant(),
                d.getString("database"),
                d.getString("createdBy"),
                d.getDate("created").toInstant());
    }
}
