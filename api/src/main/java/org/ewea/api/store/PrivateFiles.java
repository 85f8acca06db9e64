package org.ewea.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The service's own files: the data directory and everything in it readable by the service's account only (700 for
 * folders, 600 for files), secrets written atomically with mode 600, and keys created once and read back.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates the folder if needed and makes it and everything below it private: folders 700, files 600 (a data
     * directory made by an earlier version with the default umask is tightened at start).
     */
    public static void makePrivate(Path folder) {
        try {
            if (!posix()) {
                Files.createDirectories(folder);
                return;
            }
            if (!Files.exists(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    if (Files.isSymbolicLink(path)) {
                        continue;
                    }
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + folder + " readable by this account only", e);
        }
    }

    /** Writes {@code content} to {@code file} atomically (a temporary file moved over it), mode 600. */
    public static void write(Path file, String content) {
        try {
            Path temp = temporary(file);
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /**
     * The key in {@code file} (base64 of {@code bytes} random bytes); on first use it is created, mode 600. Of two
     * processes creating it at once, one key wins and both read it.
     *
     * @throws IllegalStateException when the file holds no key of that length
     */
    public static byte[] key(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[bytes];
                new SecureRandom().nextBytes(key);
                Path temp = temporary(file);
                Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(Files.readString(file).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the key file " + file + " does not hold a base64 key", e);
            }
            if (key.length != bytes) {
                throw new IllegalStateException(
                        "the key file " + file + " holds " + key.length + " bytes, not " + bytes);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the key file " + file, e);
        }
    }

    private static Path temporary(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = "." + file.getFileName();
        return posix()
                ? Files.createTempFile(dir, name, ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(dir, name, ".tmp");
    }
}
