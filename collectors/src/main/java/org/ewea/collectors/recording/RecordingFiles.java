package org.ewea.collectors.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Read access to the files of one recording, by path relative to the recording's root, whether the recording is a
 * folder on disk or packaged on the class path. Paths that could leave the root ({@code ..}, absolute paths,
 * backslashes) are refused: a manifest is input like any other.
 */
public interface RecordingFiles {

    /**
     * Reads one file, refusing files larger than {@code maxBytes}.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws CaptureTooLargeException when the file is larger than {@code maxBytes}
     */
    byte[] read(String relativePath, long maxBytes) throws IOException;

    /** Where the recording lives, for messages and provenance. */
    String describe();

    static RecordingFiles directory(Path root) {
        return new DirectoryFiles(root.toAbsolutePath().normalize());
    }

    static RecordingFiles classpath(ClassLoader loader, String prefix) {
        return new ClasspathFiles(loader, prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** Checks a manifest path and returns it unchanged. */
    static String checkRelative(String relativePath) {
        if (!SafePath.SAFE.matcher(relativePath).matches() || relativePath.contains("..")) {
            throw new IllegalArgumentException("unsafe path in recording '" + relativePath
                    + "': use a relative path of letters, digits, '.', '_', '-', '+' and '/', without '..'");
        }
        return relativePath;
    }

    /** The pattern a path inside a recording must match. */
    final class SafePath {
        static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_+.-]+(/[A-Za-z0-9_+.-]+)*");

        private SafePath() {}
    }

    /** A file in the recording is larger than the limit it was read with. */
    final class CaptureTooLargeException extends IOException {
        public CaptureTooLargeException(String path, long limit) {
            super(path + " is larger than the limit of " + limit + " bytes");
        }
    }

    record DirectoryFiles(Path root) implements RecordingFiles {
        @Override
        public byte[] read(String relativePath, long maxBytes) throws IOException {
            Path file = root.resolve(checkRelative(relativePath)).normalize();
            if (!file.startsWith(root)) {
                throw new IllegalArgumentException("path leaves the recording: " + relativePath);
            }
            if (Files.size(file) > maxBytes) {
                throw new CaptureTooLargeException(relativePath, maxBytes);
            }
            return Files.readAllBytes(file);
        }

        @Override
        public String describe() {
            return root.toString();
        }
    }

    record ClasspathFiles(ClassLoader loader, String prefix) implements RecordingFiles {
        @Override
        public byte[] read(String relativePath, long maxBytes) throws IOException {
            String name = prefix + checkRelative(relativePath);
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new NoSuchFileException("classpath:" + name);
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new CaptureTooLargeException(relativePath, maxBytes);
                }
                return bytes;
            }
        }

        @Override
        public String describe() {
            return "classpath:" + prefix;
        }
    }
}
