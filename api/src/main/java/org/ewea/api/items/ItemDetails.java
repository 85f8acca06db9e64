package org.ewea.api.items;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ewea.api.demo.DemoRecording;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.store.RawCaptureStore;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.ItemId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One item as a reader may read it, with what an analyst needs beside it: its source and grade, its story (the
 * near-duplicates the reader may read) and its raw capture for the chain of custody. Shared by the API and the UI.
 * Blocks (reads the store).
 */
@Component
public class ItemDetails {

    /** How many items of a story are listed. */
    static final int STORY = 50;

    /**
     * An item with its context.
     *
     * @param item the item
     * @param source the source it came from, when the catalogue (or the recording it was imported from) has it and
     *     the reader may read it
     * @param story the items of its story (near-duplicates, oldest first, this one included) the reader may read
     * @param capture its raw capture: SHA-256, origin and time, whether the bytes are still kept, where to fetch them
     */
    public record Detail(ItemView item, @Nullable SourceView source, List<StoryMember> story, Capture capture) {}

    /** The source of an item. */
    public record SourceView(String id, String title, String kind, String grading) {}

    /** One item of a story. */
    public record StoryMember(String id, String title, String sourceId, Instant captured, boolean self) {}

    /**
     * The raw capture of an item.
     *
     * @param kept whether the raw bytes are still kept (raw captures expire after EWEA_COLLECTORS_RAW_RETENTION)
     * @param raw the API path of the raw bytes
     */
    public record Capture(String sha256, String origin, Instant captured, boolean kept, String raw) {}

    private final ItemRepository items;
    private final SourceRepository sources;
    private final RawCaptureStore captures;
    private final DemoRecording demo;

    ItemDetails(ItemRepository items, SourceRepository sources, RawCaptureStore captures, DemoRecording demo) {
        this.items = items;
        this.sources = sources;
        this.captures = captures;
        this.demo = demo;
    }

    /** The item with its context, or empty when there is none of that id or the reader may not read it. */
    public Optional<Detail> readBy(String id, Clearance reader) {
        ItemId itemId;
        try {
            itemId = new ItemId(id);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return items.findAnnotated(itemId)
                .filter(a -> reader.permits(a.item().tlp(), a.item().handling()))
                .map(a -> detail(a, reader));
    }

    private Detail detail(AnnotatedItem a, Clearance reader) {
        SourceView source = sources.find(a.item().sourceId())
                .filter(s -> reader.permits(s.tlp(), s.handling()))
                .map(s -> new SourceView(
                        s.id().value(),
                        s.title(),
                        s.kind().name().toLowerCase(Locale.ROOT),
                        s.grading().code()))
                // a recording's sources (the demo's) are named by its manifest, not the catalogue
                .or(() -> demo.recording()
                        .map(r -> r.sources().get(a.item().sourceId()))
                        .filter(d -> reader.permits(d.tlp(), d.handling()))
                        .map(d -> new SourceView(
                                d.id().value(),
                                d.title(),
                                "recording: " + d.kind(),
                                d.grading().code())))
                .orElse(null);
        String storyId = a.story() == null ? a.item().id().value() : a.story();
        List<StoryMember> story = items.story(storyId, reader, STORY).stream()
                .map(m -> new StoryMember(
                        m.item().id().value(),
                        m.item().title(),
                        m.item().sourceId().value(),
                        m.item().captured(),
                        m.item().id().equals(a.item().id())))
                .toList();
        if (story.isEmpty()) {
            story = List.of(new StoryMember(
                    a.item().id().value(),
                    a.item().title(),
                    a.item().sourceId().value(),
                    a.item().captured(),
                    true));
        }
        String sha = a.item().provenance().rawSha256();
        return new Detail(
                ItemView.of(a),
                source,
                story,
                new Capture(
                        sha,
                        a.item().provenance().origin().toString(),
                        a.item().provenance().captured(),
                        captures.describe(sha).isPresent(),
                        "/api/v1/captures/" + sha + "/raw"));
    }
}
