package org.ewea.collectors.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.testing.Fixtures;
import org.ewea.methodology.SourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderRecordingTests {

    private static final String SHA = "a".repeat(64);
    private static final String SOURCES = """
            id: r1
            sources:
              - id: news
                kind: rss
                grading: B2
                tlp: GREEN
            """;

    @TempDir
    Path dir;

    private FolderRecording open(String manifest) throws IOException {
        Files.writeString(dir.resolve("recording.yaml"), manifest);
        return FolderRecording.open(RecordingFiles.directory(dir));
    }

    private static String capture(String file, String captured, String sha) {
        return """
                  - source: news
                    file: %s
                    origin: https://news.example.org/rss
                    captured: %s
                    contentType: application/rss+xml
                    sha256: %s
                """.formatted(file, captured, sha);
    }

    @Test
    void readsTheDemoRecordingInCaptureTimeOrder() {
        FolderRecording demo = FolderRecording.open(RecordingFiles.directory(Fixtures.demoRecording()));
        assertThat(demo.id()).isEqualTo("ewea-demo");
        assertThat(demo.captures()).hasSize(60 + 189);
        assertThat(demo.captures()).extracting(ManifestCapture::captured).isSorted();
        assertThat(demo.sources()).hasSize(3);
        SourceId chats = new SourceId("ransomchats");
        assertThat(demo.profile(chats)).contains("ransomchats");
        assertThat(demo.tags(chats)).containsExactly("dark-web");
        assertThat(demo.profile(new SourceId("cisa-kev"))).isEmpty();
        assertThat(demo.digest()).matches("[0-9a-f]{64}");
    }

    @Test
    void sortsCapturesByTimeWhateverTheManifestOrder() throws IOException {
        FolderRecording recording = open(SOURCES + "captures:\n" + capture("b.xml", "2026-01-02T00:00:00Z", SHA)
                + capture("a.xml", "2026-01-01T00:00:00Z", SHA));
        assertThat(recording.captures()).extracting(ManifestCapture::file).containsExactly("a.xml", "b.xml");
        assertThat(recording.captures().getFirst().source().grading().code()).isEqualTo("B2");
    }

    @Test
    void readsACaptureAndChecksItsDigest() throws IOException {
        Files.writeString(dir.resolve("a.xml"), "<rss/>");
        String sha = Digests.sha256Hex("<rss/>");
        FolderRecording recording = open(SOURCES + "captures:\n" + capture("a.xml", "2026-01-01T00:00:00Z", sha)
                + capture("a.xml", "2026-01-02T00:00:00Z", SHA));
        Capture capture = recording.read(recording.captures().get(0), 1000);
        assertThat(capture.captured()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(capture.sha256()).isEqualTo(sha);
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> recording.read(recording.captures().get(1), 1000))
                .withMessageContaining("a.xml")
                .withMessageContaining("manifest says " + SHA);
        assertThatExceptionOfType(RecordingFiles.CaptureTooLargeException.class)
                .isThrownBy(() -> recording.read(recording.captures().get(0), 3));
    }

    @Test
    void rejectsUnknownKeysNamingFileAndLine() {
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open(SOURCES + "    colour: red\ncaptures: []\n"))
                .withMessageContaining("recording.yaml, line 7")
                .withMessageContaining("colour");
    }

    @Test
    void rejectsMalformedYaml() {
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open("id: [unclosed\n"))
                .withMessageContaining("recording.yaml, line");
    }

    @Test
    void rejectsMissingFieldsUndefinedSourcesAndBadValues() {
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open("sources: []\n"))
                .withMessageContaining("id is required");
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open(SOURCES + "captures:\n"
                        + capture("a.xml", "2026-01-01T00:00:00Z", SHA).replace("source: news", "source: other")))
                .withMessageContaining("captures[0]")
                .withMessageContaining("'other' is not defined");
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open(SOURCES.replace("B2", "Z9")))
                .withMessageContaining("sources[0]")
                .withMessageContaining("Admiralty");
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open(SOURCES + "captures:\n" + capture("a.xml", "yesterday", SHA)))
                .withMessageContaining("captures[0]");
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> open(SOURCES + "captures:\n" + capture("a.xml", "2026-01-01T00:00:00Z", "xyz")))
                .withMessageContaining("sha256");
    }

    @Test
    void refusesPathsThatLeaveTheRecording() {
        for (String path : new String[] {"../secret", "/etc/passwd", "a/../../b", "a\\\\b"}) {
            assertThatExceptionOfType(RecordingException.class)
                    .isThrownBy(() ->
                            open(SOURCES + "captures:\n" + capture("'" + path + "'", "2026-01-01T00:00:00Z", SHA)))
                    .withMessageContaining("unsafe path");
        }
    }

    @Test
    void saysWhenThereIsNoManifest() {
        assertThatExceptionOfType(RecordingException.class)
                .isThrownBy(() -> FolderRecording.open(RecordingFiles.directory(dir)))
                .withMessageContaining("cannot read the manifest");
    }
}
