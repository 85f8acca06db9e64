package org.ewea.collectors.recording;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.YamlErrorLines;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A folder recording: captured files plus {@code recording.yaml}, which names the sources and lists every capture
 * with its origin, capture time, media type and SHA-256. Captures are served in capture-time order.
 */
public final class FolderRecording {

    public static final String MANIFEST = "recording.yaml";
    private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RecordingFiles files;
    private final String id;
    private final String title;
    private final String digest;
    private final Map<SourceId, SourceDefinition> sources;
    private final List<ManifestCapture> captures;
    private final Map<SourceId, String> profiles;
    private final Map<SourceId, List<String>> tags;

    private FolderRecording(
            RecordingFiles files,
            String id,
            String title,
            String digest,
            Map<SourceId, SourceDefinition> sources,
            List<ManifestCapture> captures,
            Map<SourceId, String> profiles,
            Map<SourceId, List<String>> tags) {
        this.profiles = profiles;
        this.tags = tags;
        this.files = files;
        this.id = id;
        this.title = title;
        this.digest = digest;
        this.sources = sources;
        this.captures = captures;
    }

    /**
     * Reads and validates the manifest.
     *
     * @throws RecordingException naming the file, the line where the parser can tell it, and the reason
     */
    public static FolderRecording open(RecordingFiles files) {
        String where = files.describe() + "/" + MANIFEST;
        byte[] bytes;
        try {
            bytes = files.read(MANIFEST, MAX_MANIFEST_BYTES);
        } catch (IOException e) {
            throw new RecordingException(where + ": cannot read the manifest: " + e.getMessage(), e);
        }
        RecordingManifestFile manifest;
        try {
            manifest = YAML.readValue(bytes, RecordingManifestFile.class);
        } catch (JacksonException e) {
            int line = YamlErrorLines.lineOf(e, new String(bytes, StandardCharsets.UTF_8));
            throw new RecordingException(where + (line > 0 ? ", line " + line : "") + ": " + e.getOriginalMessage(), e);
        }
        return new ManifestValidator(where).validate(files, manifest, Digests.sha256Hex(bytes));
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** SHA-256 of the manifest, which pins every capture's SHA-256: a changed recording has another digest. */
    public String digest() {
        return digest;
    }

    public Map<SourceId, SourceDefinition> sources() {
        return sources;
    }

    /**
     * The mirror profile a source's captures are read with ({@code profile:} in the manifest, e.g. {@code
     * ransomchats} for recorded negotiation-portal transcripts), when it has one; feeds have none.
     */
    public Optional<String> profile(SourceId source) {
        return Optional.ofNullable(profiles.get(source));
    }

    /** A source's tags ({@code tags:} in the manifest, e.g. {@code dark-web}); empty when none are given. */
    public List<String> tags(SourceId source) {
        return tags.getOrDefault(source, List.of());
    }

    /** The captures in capture-time order (ties by file name). */
    public List<ManifestCapture> captures() {
        return captures;
    }

    public String describe() {
        return files.describe();
    }

    /**
     * Reads one capture's bytes and checks them against the manifest's SHA-256.
     *
     * @throws IOException when the file cannot be read or is larger than {@code maxBytes}
     * @throws RecordingException when the bytes do not match the manifest's SHA-256
     */
    public Capture read(ManifestCapture entry, long maxBytes) throws IOException {
        byte[] body = files.read(entry.file(), maxBytes);
        String sha256 = Digests.sha256Hex(body);
        if (!sha256.equals(entry.sha256())) {
            throw new RecordingException(entry.file() + ": SHA-256 is " + sha256 + " but the manifest says "
                    + entry.sha256() + " (the capture was altered or replaced)");
        }
        return new Capture(
                entry.source(), entry.file(), entry.origin(), entry.captured(), entry.contentType(), body, sha256);
    }

    /** Turns the manifest as written into a recording, or says precisely what is wrong with it. */
    private record ManifestValidator(String where) {

        FolderRecording validate(RecordingFiles files, RecordingManifestFile manifest, String digest) {
            String id = required(manifest.id(), "id");
            String title = manifest.title() == null ? id : manifest.title();
            Map<SourceId, SourceDefinition> sources = new LinkedHashMap<>();
            Map<SourceId, String> profiles = new LinkedHashMap<>();
            Map<SourceId, List<String>> tags = new LinkedHashMap<>();
            List<RecordingManifestFile.SourceEntry> sourceEntries =
                    manifest.sources() == null ? List.of() : manifest.sources();
            for (int i = 0; i < sourceEntries.size(); i++) {
                SourceDefinition source = source(sourceEntries.get(i), "sources[" + i + "]");
                if (sources.putIfAbsent(source.id(), source) != null) {
                    throw fail("sources[" + i + "]: source id '" + source.id() + "' is defined twice");
                }
                RecordingManifestFile.SourceEntry entry = sourceEntries.get(i);
                if (entry.profile() != null) {
                    if (entry.profile().isBlank()) {
                        throw fail("sources[" + i + "].profile must not be blank");
                    }
                    profiles.put(source.id(), entry.profile().strip());
                }
                if (entry.tags() != null) {
                    tags.put(source.id(), List.copyOf(entry.tags()));
                }
            }
            List<ManifestCapture> captures = new ArrayList<>();
            List<RecordingManifestFile.CaptureEntry> captureEntries =
                    manifest.captures() == null ? List.of() : manifest.captures();
            for (int i = 0; i < captureEntries.size(); i++) {
                captures.add(capture(captureEntries.get(i), "captures[" + i + "]", sources));
            }
            captures.sort(Comparator.comparing(ManifestCapture::captured).thenComparing(ManifestCapture::file));
            return new FolderRecording(
                    files,
                    id,
                    title,
                    digest,
                    Map.copyOf(sources),
                    List.copyOf(captures),
                    Map.copyOf(profiles),
                    Map.copyOf(tags));
        }

        private SourceDefinition source(RecordingManifestFile.SourceEntry entry, String path) {
            try {
                return new SourceDefinition(
                        new SourceId(required(entry.id(), path + ".id")),
                        required(entry.kind(), path + ".kind"),
                        entry.title() == null ? entry.id() : entry.title(),
                        entry.url(),
                        entry.language(),
                        entry.grading() == null ? AdmiraltyGrade.UNGRADED : AdmiraltyGrade.parse(entry.grading()),
                        entry.tlp() == null ? Tlp.AMBER : Tlp.parse(entry.tlp()));
            } catch (IllegalArgumentException e) {
                throw fail(path + ": " + e.getMessage());
            }
        }

        private ManifestCapture capture(
                RecordingManifestFile.CaptureEntry entry, String path, Map<SourceId, SourceDefinition> sources) {
            try {
                SourceId sourceId = new SourceId(required(entry.source(), path + ".source"));
                SourceDefinition source = sources.get(sourceId);
                if (source == null) {
                    throw new IllegalArgumentException("source '" + sourceId + "' is not defined under sources");
                }
                String sha256 = required(entry.sha256(), path + ".sha256");
                if (!sha256.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
                }
                return new ManifestCapture(
                        source,
                        RecordingFiles.checkRelative(required(entry.file(), path + ".file")),
                        URI.create(required(entry.origin(), path + ".origin")),
                        Instant.parse(required(entry.captured(), path + ".captured")),
                        required(entry.contentType(), path + ".contentType"),
                        sha256);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw fail(path + ": " + e.getMessage());
            }
        }

        private String required(@Nullable String value, String path) {
            if (value == null || value.isBlank()) {
                throw fail(path + " is required");
            }
            return value;
        }

        private RecordingException fail(String message) {
            return new RecordingException(where + ": " + message);
        }
    }
}
