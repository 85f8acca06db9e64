package org.ewea.methodology.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where definition files come from: the defaults in the jar ({@code org/ewea/methodology/defaults/}), and an optional
 * override directory (EWEA_METHODOLOGY_DIR) whose files of the same names override or extend them.
 */
public final class DefinitionFiles {

    static final String DEFAULTS = "org/ewea/methodology/defaults/";

    private final @Nullable Path overrideDir;

    public DefinitionFiles(@Nullable Path overrideDir) {
        if (overrideDir != null && !Files.isDirectory(overrideDir)) {
            throw new DefinitionException(
                    overrideDir.toString(),
                    -1,
                    "the methodology override directory (EWEA_METHODOLOGY_DIR) does not exist or is not a directory");
        }
        this.overrideDir = overrideDir;
    }

    /** The default file of this name shipped in the jar. */
    public DefinitionFile defaults(String name) {
        String resource = DEFAULTS + name;
        try (InputStream in = DefinitionFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException("classpath:" + resource, -1, "default definition file is missing");
            }
            return new DefinitionFile(
                    name, "classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The override file of this name, if the override directory has one. */
    public Optional<DefinitionFile> override(String name) {
        if (overrideDir == null) {
            return Optional.empty();
        }
        Path file = overrideDir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DefinitionFile(name, file.toString(), Files.readString(file)));
        } catch (IOException e) {
            throw new DefinitionException(file.toString(), -1, "cannot be read: " + e.getMessage(), e);
        }
    }

    public Optional<Path> overrideDir() {
        return Optional.ofNullable(overrideDir);
    }
}
