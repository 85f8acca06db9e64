package org.ewea.api.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.ewea.alerts.engine.EvaluationReport;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.CaptureResult;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.fetch.FailureReason;
import org.ewea.collectors.harvest.HarvestOutcome;
import org.ewea.collectors.harvest.HarvestRun;
import org.ewea.collectors.importer.RecordingImporter;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.ManifestCapture;
import org.ewea.collectors.replay.WarcCaptures;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.grading.HandlingCodes;

/**
 * One exercise's timeline being replayed: the recordings' captures, the scripted and live injects and the rule
 * evaluations, merged in simulated-time order (at equal times: captures, then injects, then evaluations) and fed to
 * the exercise's pipeline with its replay clock set to each event's time. What the pipeline sees depends only on the
 * timeline, never on how fast or in how many steps it is consumed, so the same exercise replayed twice raises the
 * same alerts in the same order. Not thread-safe on its own: the runner calls it under the exercise's lock.
 */
final class ExerciseRun {

    private enum Kind {
        CAPTURE,
        INJECT,
        EVALUATION,
        DIGEST
    }

    private record Event(Instant at, Kind kind, long order, Object payload) {}

    private record RecordedCapture(FolderRecording recording, ManifestCapture entry) {}

    private record WarcRecord(ExerciseRecording recording, ExerciseRecording.Warc warc, long position) {}

    private record NumberedInject(int number, ExerciseDefinition.Inject inject) {}

    private final String id;
    private final ExerciseDefinition definition;
    private final ExercisePipeline pipeline;
    private final ExerciseRecords records;
    private final HandlingCodes codes;
    private final PriorityQueue<Event> pending = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparing(Event::kind).thenComparingLong(Event::order));
    private final Set<String> dark = new HashSet<>();
    private Instant processedUpTo;
    private int injectNumbers;
    private long captures;
    private long evaluations;
    private long runs;

    /**
     * @param processedUpTo events at or before this time were replayed already (a resumed exercise): their effects
     *     are in the database; only the state they left in memory (sources gone dark) is rebuilt
     */
    ExerciseRun(
            String id,
            ExerciseDefinition definition,
            List<ExerciseRecording> recordings,
            ExercisePipeline pipeline,
            ExerciseRecords records,
            HandlingCodes codes,
            Instant processedUpTo) {
        this.id = id;
        this.definition = definition;
        this.pipeline = pipeline;
        this.records = records;
        this.codes = codes;
        this.processedUpTo = processedUpTo;
        long order = 0;
        for (ExerciseRecording recording : recordings) {
            for (ManifestCapture entry : recording.folder().captures()) {
                schedule(new Event(
                        entry.captured(), Kind.CAPTURE, order++, new RecordedCapture(recording.folder(), entry)));
            }
            for (ExerciseRecording.Warc warc : recording.warcs()) {
                for (WarcCaptures.Entry entry : warc.captures().entries()) {
                    schedule(new Event(
                            entry.date(), Kind.CAPTURE, order++, new WarcRecord(recording, warc, entry.position())));
                }
            }
        }
        List<ExerciseDefinition.Inject> injects = new ArrayList<>(definition.injects());
        injects.addAll(records.liveInjects());
        for (ExerciseDefinition.Inject inject : injects) {
            addInject(inject);
        }
        for (Instant t = definition.start().plus(definition.evaluateEvery());
                !t.isAfter(definition.end());
                t = t.plus(definition.evaluateEvery())) {
            schedule(new Event(t, Kind.EVALUATION, 0, t));
        }
        schedule(new Event(definition.end(), Kind.EVALUATION, 1, definition.end()));
        for (Instant at : pipeline.alerting().settings().digests().firesBetween(definition.start(), definition.end())) {
            schedule(new Event(at, Kind.DIGEST, 0, at));
        }
        pipeline.replay().advanceTo(processedUpTo);
    }

    private void schedule(Event event) {
        if (event.at().isAfter(processedUpTo)) {
            pending.add(event);
        } else if (event.kind() == Kind.INJECT) {
            ExerciseDefinition.Inject inject = ((NumberedInject) event.payload()).inject();
            if ("source-dark".equalsIgnoreCase(inject.type())) {
                dark.add(inject.source());
            }
        }
    }

    private void addInject(ExerciseDefinition.Inject inject) {
        int number = ++injectNumbers;
        schedule(new Event(inject.at(), Kind.INJECT, number, new NumberedInject(number, inject)));
    }

    /**
     * Adds a trainer's live inject to the timeline; one timed at or before the time already replayed can no longer
     * happen then, and happens right after it instead. The inject as scheduled.
     */
    ExerciseDefinition.Inject addLiveInject(ExerciseDefinition.Inject inject) {
        ExerciseDefinition.Inject timed = inject;
        if (!inject.at().isAfter(processedUpTo)) {
            timed = new ExerciseDefinition.Inject(
                    processedUpTo.plusMillis(1),
                    inject.type(),
                    inject.title(),
                    inject.text(),
                    inject.source(),
                    inject.grading(),
                    inject.tlp(),
                    inject.handling(),
                    inject.url());
        }
        addInject(timed);
        return timed;
    }

    /** Replays every event up to and including {@code target}; the time replayed to. */
    Instant advanceTo(Instant target) {
        Instant limit = target.isAfter(definition.end()) ? definition.end() : target;
        while (!pending.isEmpty() && !pending.peek().at().isAfter(limit)) {
            Event event = pending.poll();
            pipeline.replay().advanceTo(event.at());
            switch (event.kind()) {
                case CAPTURE -> {
                    if (event.payload() instanceof WarcRecord record) {
                        replay(record, event.at());
                    } else {
                        replay((RecordedCapture) event.payload(), event.at());
                    }
                }
                case INJECT -> inject((NumberedInject) event.payload());
                case EVALUATION -> evaluate(event.at());
                case DIGEST -> {
                    List<String> made = pipeline.digests()
                            .weekly(pipeline.alerting().settings().digests().audiences());
                    records.log(event.at(), "digest", "weekly digests: " + String.join(", ", made));
                }
                default -> throw new IllegalStateException(event.kind().toString());
            }
        }
        if (limit.isAfter(processedUpTo)) {
            processedUpTo = limit;
            pipeline.replay().advanceTo(limit);
        }
        return processedUpTo;
    }

    boolean finished() {
        return pending.isEmpty() && !processedUpTo.isBefore(definition.end());
    }

    Instant processedUpTo() {
        return processedUpTo;
    }

    private void replay(RecordedCapture recorded, Instant at) {
        String source = recorded.entry().source().id().value();
        if (!delivered(source, recorded.entry().file(), at)) {
            return;
        }
        try {
            process(recorded.recording().read(recorded.entry(), RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES), at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recorded.entry().file() + " of " + id, e);
        }
    }

    private void replay(WarcRecord record, Instant at) {
        String where = record.warc().fileName() + "@" + record.position();
        Optional<WarcCaptures.WarcCapture> read;
        try {
            read = record.warc().captures().read(record.position(), RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + " of " + id, e);
        }
        if (read.isEmpty()) {
            records.log(at, "capture-rejected", where + ": larger than the capture limit");
            return;
        }
        WarcCaptures.WarcCapture warc = read.get();
        SourceDefinition source = record.recording().folder().sources().entrySet().stream()
                .filter(e -> e.getKey().value().equals(warc.source()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (source == null) {
            records.log(
                    at,
                    "capture-rejected",
                    where + ": no source '" + warc.source() + "' in the recording's" + " manifest");
            return;
        }
        if (delivered(source.id().value(), where, at)) {
            process(warc.capture(source, record.warc().fileName()), at);
        }
    }

    /** False (and the failure recorded) when the source has gone dark. */
    private boolean delivered(String source, String what, Instant at) {
        if (dark.contains(source)) {
            run(
                    source,
                    at,
                    HarvestOutcome.FAILED,
                    FailureReason.CONNECTION,
                    "the source has gone dark (inject)",
                    0,
                    0,
                    0);
            records.log(at, "capture-missed", source + ": " + what + " not delivered (dark)");
            return false;
        }
        return true;
    }

    private void process(Capture capture, Instant at) {
        String source = capture.source().id().value();
        CaptureResult result = pipeline.processor().process(capture);
        captures++;
        run(
                source,
                at,
                result.stored() > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY,
                null,
                result.parseError() == null ? "replayed " + capture.locator() : result.parseError(),
                result.entries(),
                result.stored(),
                result.merged());
        records.log(
                at,
                "capture",
                source + ": " + capture.locator() + " - " + result.stored() + " new, " + result.merged() + " known, "
                        + result.rejected() + " rejected",
                new Clearance(capture.source().tlp(), capture.source().handling()));
    }

    private void inject(NumberedInject numbered) {
        ExerciseDefinition.Inject inject = numbered.inject();
        String type = inject.type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "item", "tip" -> {
                CaptureResult result = pipeline.processor().process(InjectCapture.of(numbered.number(), inject, codes));
                records.log(
                        inject.at(),
                        "inject",
                        type + " '" + (inject.title() == null ? "" : inject.title()) + "' - " + result.stored()
                                + " item(s) stored",
                        InjectCapture.marking(inject, codes));
            }
            case "source-dark" -> {
                dark.add(inject.source());
                records.log(inject.at(), "inject", "source " + inject.source() + " has gone dark");
            }
            case "question" -> {
                records.ask(new ExerciseRecords.Question(
                        "q" + numbered.number(),
                        inject.at(),
                        inject.title() == null ? "Policy question" : inject.title(),
                        inject.text()));
                records.log(
                        inject.at(),
                        "inject",
                        "policy question: " + (inject.title() == null ? inject.text() : inject.title()));
            }
            default -> throw new IllegalStateException("unknown inject type " + type);
        }
    }

    private void evaluate(Instant at) {
        for (String source : dark) {
            run(
                    source,
                    at,
                    HarvestOutcome.FAILED,
                    FailureReason.CONNECTION,
                    "the source has gone dark (inject)",
                    0,
                    0,
                    0);
        }
        EvaluationReport report = pipeline.engine().evaluate();
        evaluations++;
        records.log(
                at,
                "evaluation",
                "signals of " + report.asOf() + ": " + report.triggers() + " trigger(s), "
                        + report.raised() + " raised, " + report.updated() + " updated, " + report.actionsPlanned()
                        + " early action(s) planned");
    }

    private void run(
            String source,
            Instant at,
            HarvestOutcome outcome,
            FailureReason failure,
            String detail,
            long input,
            long stored,
            long merged) {
        long rejected = Math.max(0, input - stored - merged);
        HarvestRun run = new HarvestRun(
                id + ":" + source + ":" + at.toEpochMilli() + ":" + (++runs),
                source,
                at,
                at.plus(Duration.ofSeconds(1)),
                outcome,
                failure,
                detail,
                null,
                1,
                0,
                null,
                stored + merged + rejected,
                stored,
                merged,
                rejected);
        pipeline.runs().insert(run);
        pipeline.states().save(pipeline.states().find(source).after(run, null, null));
    }

    long capturesReplayed() {
        return captures;
    }

    long evaluations() {
        return evaluations;
    }
}
