package org.ewea.api.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.source.Source;

/**
 * The demo recording bundled in the jar ({@code demo/} in the repository), when the demo is enabled: what its
 * manifest says of its sources beyond their captures (which of them are dark-web mirrors, read by the novel-term
 * and relevance rules as the catalogue's dark-web sources are).
 *
 * @param recording the opened recording, empty when the demo is disabled
 */
public record DemoRecording(Optional<FolderRecording> recording) {

    /** Where the demo's copy of MITRE ATT&CK groups and software lies in the jar (see demo/NOTICE.md). */
    static final String ATTACK = DemoDataLoader.LOCATION + "/attack/attack-groups-software.jsonl";

    /**
     * The demo's copy of ATT&CK groups and software (names, aliases, creation days): the authoritative record its
     * actor warnings are measured against. None when the demo is disabled.
     */
    public AttackNames attackRecord() {
        if (recording.isEmpty()) {
            return AttackNames.none();
        }
        try (InputStream in = DemoRecording.class.getClassLoader().getResourceAsStream(ATTACK)) {
            if (in == null) {
                throw new IllegalStateException("the demo's ATT&CK copy " + ATTACK + " is missing from the jar");
            }
            return AttackNames.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first and the last day the demo's captures were taken (UTC), when the demo is enabled. */
    public Optional<List<LocalDate>> span() {
        return recording.filter(r -> !r.captures().isEmpty()).map(r -> {
            List<LocalDate> days = r.captures().stream()
                    .map(c -> LocalDate.ofInstant(c.captured(), ZoneOffset.UTC))
                    .sorted()
                    .toList();
            return List.of(days.getFirst(), days.getLast());
        });
    }

    /** The ids of the recording's sources tagged {@value Source#DARK_WEB_TAG}. */
    public Set<String> darkWebSources() {
        return recording
                .map(r -> r.sources().keySet().stream()
                        .filter(id -> r.tags(id).contains(Source.DARK_WEB_TAG))
                        .map(id -> id.value())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
