package org.ewea.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data directories for applications started by tests. */
public final class TestDataDirs {

    private TestDataDirs() {}

    public static Path create(String name) {
        try {
            Path dir = Files.createTempDirectory("ewea-" + name + "-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
