package org.ewea.alerts.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.risk.HarmProfile;
import org.jspecify.annotations.Nullable;

/** Alerts as stored documents, and back. */
final class AlertDocuments {

    static final String OPEN_KEY = "openKey";
    static final String GROUP = "groupKey";
    static final String STATE = "state";
    static final String TLP = "tlp";
    static final String UPDATED = "updatedAt";
    static final String CLOSED = "closedAt";
    static final String HISTORY = "history";
    static final String VERSION = "version";
    static final String RULE = "ruleId";
    static final String SUBJECT_KIND = "subject.kind";
    static final String SUBJECT_ID = "subject.id";
    static final String PRIORITY = "priority";
    static final String FEEDBACK = "feedback";
    static final String ASSESSMENT = "assessment";

    private AlertDocuments() {}

    /** The key an open alert holds in the unique index; a closed one holds its own, freeing the group. */
    static String openKey(Alert alert) {
        return alert.state().isOpen() ? alert.groupKey() : "closed:" + alert.id();
    }

    static Document write(Alert a) {
        return new Document("_id", a.id())
                .append(GROUP, a.groupKey())
                .append(OPEN_KEY, openKey(a))
                .append(RULE, a.ruleId())
                .append("ruleName", a.ruleName())
                .append(
                        "subject",
                        new Document("kind", a.subject().kind())
                                .append("id", a.subject().id())
                                .append("label", a.subject().label()))
                .append("title", a.title())
                .append("summary", a.summary())
                .append(STATE, a.state().name())
                .append("score", a.score())
                .append("stage", a.stage())
                .append(PRIORITY, a.priority())
                .append("category", a.category())
                .append(TLP, a.tlp().name())
                .append(Markings.HANDLING, Markings.handlingDocument(a.handling()))
                .append("grade", a.grade())
                .append("evidence", a.evidence())
                .append("facts", new Document(new LinkedHashMap<>(a.facts())))
                .append("asOf", a.asOf().toString())
                .append("raisedAt", Date.from(a.raisedAt()))
                .append(UPDATED, Date.from(a.updatedAt()))
                .append("triggers", a.triggers())
                .append(CLOSED, date(a.closedAt()))
                .append(HISTORY, a.history().stream().map(AlertDocuments::write).toList())
                .append(ASSESSMENT, a.assessment() == null ? null : write(a.assessment()))
                .append(
                        FEEDBACK,
                        a.feedback().stream().map(AlertDocuments::write).toList())
                .append(VERSION, a.version());
    }

    static Document write(HistoryEntry e) {
        return new Document("at", Date.from(e.at()))
                .append("actor", e.actor())
                .append("type", e.type())
                .append("from", e.from() == null ? null : e.from().name())
                .append("to", e.to() == null ? null : e.to().name())
                .append("note", e.note());
    }

    static Document write(Feedback f) {
        return new Document("user", f.user())
                .append("relevant", f.relevant())
                .append("at", Date.from(f.at()))
                .append("note", f.note());
    }

    static Document write(Assessment a) {
        Document harm = new Document();
        a.harm().byDimension().forEach(harm::append);
        return new Document("scheme", a.scheme())
                .append("grade", a.grade())
                .append("harm", harm)
                .append("likelihood", a.likelihood())
                .append("position", a.position())
                .append("confidence", a.confidence())
                .append("priority", a.priority())
                .append("riskScore", a.riskScore())
                .append("rationale", a.rationale())
                .append("note", a.note());
    }

    static Alert read(Document d) {
        Document subject = d.get("subject", Document.class);
        Document facts = d.get("facts", Document.class);
        Map<String, String> factMap = new LinkedHashMap<>();
        if (facts != null) {
            facts.forEach((k, v) -> factMap.put(k, String.valueOf(v)));
        }
        Number score = d.get("score", Number.class);
        Document assessment = d.get(ASSESSMENT, Document.class);
        return new Alert(
                d.getString("_id"),
                d.getString(GROUP),
                d.getString(RULE),
                d.getString("ruleName"),
                new Subject(subject.getString("kind"), subject.getString("id"), subject.getString("label")),
                d.getString("title"),
                d.getString("summary"),
                AlertState.valueOf(d.getString(STATE)),
                score == null ? null : score.doubleValue(),
                d.getString("stage"),
                d.getString(PRIORITY),
                d.getString("category"),
                Tlp.valueOf(d.getString(TLP)),
                Markings.handling(d),
                d.getString("grade"),
                d.getList("evidence", String.class),
                factMap,
                LocalDate.parse(d.getString("asOf")),
                d.getDate("raisedAt").toInstant(),
                d.getDate(UPDATED).toInstant(),
                d.getInteger("triggers", 1),
                instant(d.getDate(CLOSED)),
                d.getList(HISTORY, Document.class).stream()
                        .map(AlertDocuments::readHistory)
                        .toList(),
                assessment == null ? null : readAssessment(assessment),
                d.getList(FEEDBACK, Document.class, List.of()).stream()
                        .map(AlertDocuments::readFeedback)
                        .toList(),
                d.get(VERSION, Number.class).longValue());
    }

    private static HistoryEntry readHistory(Document d) {
        return new HistoryEntry(
                d.getDate("at").toInstant(),
                d.getString("actor"),
                d.getString("type"),
                d.getString("from") == null ? null : AlertState.valueOf(d.getString("from")),
                d.getString("to") == null ? null : AlertState.valueOf(d.getString("to")),
                d.getString("note"));
    }

    private static Feedback readFeedback(Document d) {
        return new Feedback(
                d.getString("user"), d.getBoolean("relevant"), d.getDate("at").toInstant(), d.getString("note"));
    }

    private static Assessment readAssessment(Document d) {
        Document h = d.get("harm", Document.class);
        HarmProfile harm = new HarmProfile(
                h.getInteger("physical"),
                h.getInteger("psychological"),
                h.getInteger("financial"),
                h.getInteger("community"),
                h.getInteger("societal"),
                h.getInteger("geographic"),
                h.getInteger("vulnerability"));
        return new Assessment(
                d.getString("scheme"),
                d.getString("grade"),
                harm,
                d.getInteger("likelihood"),
                d.getInteger("position"),
                d.getString("confidence"),
                d.getString("priority"),
                d.get("riskScore", Number.class).doubleValue(),
                d.getString("rationale"),
                d.getString("note"));
    }

    static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
