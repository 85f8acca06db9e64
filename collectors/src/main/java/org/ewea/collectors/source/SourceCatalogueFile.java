package org.ewea.collectors.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ewea.methodology.definition.DefinitionException;
import org.ewea.methodology.definition.DefinitionFile;
import org.ewea.methodology.definition.YamlReader;
import org.jspecify.annotations.Nullable;

/**
 * A source catalogue in YAML ({@code EWEA_SOURCES_FILE}), for sources kept under version control:
 * <pre>
 * sources:
 *   - id: krebs-on-security
 *     url: https://krebsonsecurity.com/feed
 *     grading: B2
 *     tags: [cybercrime]
 * </pre>
 * Every entry is validated like an API request; the first problem stops loading with file, line and reason. Applied
 * at start: the file's sources are created or replaced (creation time kept); sources not in the file are left alone.
 */
public final class SourceCatalogueFile {

    record CatalogueFile(@Nullable List<Entry> sources) {}

    record Entry(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String url,
            @Nullable String path,
            @Nullable String schedule,
            @Nullable String language,
            @Nullable String grading,
            @Nullable String tlp,
            @Nullable List<String> tags,
            @Nullable String proxy,
            @Nullable Boolean enabled,
            @Nullable Boolean local,
            @Nullable String profile,
            @Nullable String handling) {}

    private final SourceValidator validator;

    public SourceCatalogueFile(SourceValidator validator) {
        this.validator = validator;
    }

    /** Reads and validates the file. */
    public List<Source> read(Path file, Instant now) {
        DefinitionFile definition;
        try {
            definition = new DefinitionFile(file.getFileName().toString(), file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new DefinitionException(file.toString(), -1, "cannot be read: " + e.getMessage(), e);
        }
        CatalogueFile catalogue = new YamlReader().read(definition, CatalogueFile.class);
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry e : catalogue.sources() == null ? List.<Entry>of() : catalogue.sources()) {
            String key = e.id() == null ? "url" : "id";
            String value = e.id() == null ? String.valueOf(e.url()) : e.id();
            try {
                Source source = validator.validate(
                        new SourceSpec(
                                e.id(),
                                e.kind(),
                                e.title(),
                                e.url(),
                                e.path(),
                                e.schedule(),
                                e.language(),
                                e.grading(),
                                e.tlp(),
                                e.tags(),
                                e.proxy(),
                                e.enabled(),
                                e.local(),
                                e.profile(),
                                e.handling()),
                        now);
                if (!ids.add(source.id().value())) {
                    throw definition.errorAt("id", value, "source '" + value + "' is listed twice");
                }
                sources.add(source);
            } catch (InvalidSourceException invalid) {
                throw definition.errorAt(key, value, "source '" + value + "': " + invalid.getMessage());
            }
        }
        return sources;
    }

    /** Creates or replaces the file's sources; answers how many. */
    public int apply(List<Source> sources, SourceRepository repository, Instant now) {
        for (Source source : sources) {
            var existing = repository.find(source.id());
            if (existing.isPresent()) {
                repository.replace(source.withTimes(existing.get().created(), now));
            } else {
                repository.create(source);
            }
        }
        return sources.size();
    }
}
