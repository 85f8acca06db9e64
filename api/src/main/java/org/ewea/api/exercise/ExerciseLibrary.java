package org.ewea.api.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.RecordingException;
import org.ewea.collectors.recording.RecordingFiles;
import org.ewea.collectors.replay.WarcCaptures;
import org.ewea.methodology.definition.DefinitionFile;
import org.ewea.methodology.definition.YamlReader;
import org.jspecify.annotations.Nullable;

/**
 * Where exercises' recordings and ready-made definitions come from: the ones bundled in the service (classpath
 * {@code exercises/<name>/}: {@code exercise.yaml}, optional {@code injects.yaml} and {@code ground-truth.yaml}, and
 * the folder recording under {@code recording/}), and folder recordings a trainer puts in the exercises directory
 * (with, beside the manifest, any number of WARC files whose records are replayed too). A recording is named
 * {@code bundled:<name>} or by its folder name in the directory; nothing outside them is read.
 */
public final class ExerciseLibrary {

    static final String BUNDLED = "bundled:";
    /** The bundled exercises, in the order the UI offers them. */
    static final List<String> TEMPLATES = List.of("ransomware-week");

    private final ClassLoader loader;
    private final @Nullable Path directory;

    /**
     * @param loader where bundled exercises are read from
     * @param directory where trainers' recordings are, or null for bundled ones only
     */
    public ExerciseLibrary(ClassLoader loader, @Nullable Path directory) {
        this.loader = loader;
        this.directory = directory;
    }

    /** The recording a definition names, opened and checked (manifest, file list, WARC records indexed). */
    public ExerciseRecording recording(String name) {
        if (name.startsWith(BUNDLED)) {
            String bundled = name.substring(BUNDLED.length());
            if (!ExerciseValidator.ID.matcher(bundled).matches()) {
                throw new RecordingException("there is no bundled recording '" + bundled + "'");
            }
            return new ExerciseRecording(
                    FolderRecording.open(RecordingFiles.classpath(loader, "exercises/" + bundled + "/recording")),
                    List.of());
        }
        if (directory == null || !ExerciseValidator.ID.matcher(name).matches()) {
            throw new RecordingException("there is no recording '" + name + "' (set EWEA_EXERCISES_DIRECTORY and put"
                    + " folder recordings in it)");
        }
        Path folder = directory.resolve(name).normalize();
        if (!folder.startsWith(directory.normalize()) || !Files.isDirectory(folder)) {
            throw new RecordingException("there is no recording '" + name + "' in " + directory);
        }
        FolderRecording manifest = FolderRecording.open(RecordingFiles.directory(folder));
        List<ExerciseRecording.Warc> warcs = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".+\\.warc(\\.gz)?"))
                    .sorted()
                    .toList()) {
                warcs.add(new ExerciseRecording.Warc(file.getFileName().toString(), WarcCaptures.index(file)));
            }
        } catch (IOException e) {
            throw new RecordingException(folder + ": cannot read a WARC file: " + e.getMessage());
        }
        return new ExerciseRecording(manifest, warcs);
    }

    /** Whether the recording exists and opens. */
    public boolean exists(String name) {
        try {
            recording(name);
            return true;
        } catch (RecordingException | UncheckedIOException e) {
            return false;
        }
    }

    /** A bundled exercise's definition, with its injects and ground truth. */
    public Optional<ExerciseDefinition> template(String name) {
        if (!TEMPLATES.contains(name)) {
            return Optional.empty();
        }
        String base = "exercises/" + name + "/";
        YamlReader yaml = new YamlReader();
        ExerciseDefinition definition = yaml.read(file(base + "exercise.yaml").orElseThrow(), ExerciseDefinition.class);
        List<ExerciseDefinition.Inject> injects =
                new ArrayList<>(definition.injects() == null ? List.of() : definition.injects());
        file(base + "injects.yaml")
                .ifPresent(f -> injects.addAll(List.of(yaml.read(f, ExerciseDefinition.Inject[].class))));
        List<ExerciseDefinition.GroundTruth> truth =
                new ArrayList<>(definition.groundTruth() == null ? List.of() : definition.groundTruth());
        file(base + "ground-truth.yaml")
                .ifPresent(f -> truth.addAll(List.of(yaml.read(f, ExerciseDefinition.GroundTruth[].class))));
        return Optional.of(new ExerciseDefinition(
                definition.id(),
                definition.name(),
                definition.description(),
                definition.recordings(),
                definition.start(),
                definition.end(),
                definition.speed(),
                definition.evaluateEvery(),
                definition.watch(),
                definition.teams(),
                injects,
                truth));
    }

    private Optional<DefinitionFile> file(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new DefinitionFile(
                    resource.substring(resource.lastIndexOf('/') + 1),
                    "classpath:" + resource,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
