package org.ewea.api.sources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.ewea.api.security.Permission;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.collectors.schedule.HarvestScheduler;
import org.ewea.collectors.source.DuplicateSourceException;
import org.ewea.collectors.source.InvalidOpmlException;
import org.ewea.collectors.source.InvalidSourceException;
import org.ewea.collectors.source.OpmlExporter;
import org.ewea.collectors.source.OpmlImportReport;
import org.ewea.collectors.source.OpmlImporter;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceKind;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.collectors.source.SourceValidator;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.SourceId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The source catalogue. */
@RestController
@RequestMapping(path = "/api/v1/sources", produces = "application/json")
@Tag(name = "Sources", description = "What is collected, from where, how often, graded and marked how")
class SourcesController {

    private static final String SIZE_MESSAGE = "must be between 1 and 200";
    private static final String PAGE_MESSAGE = "must be between 0 and 1000000";

    private final SourceRepository sources;
    private final OpmlImporter importer;
    private final SourceValidator validator;
    private final BlockingStore store;
    private final InstantSource clock;

    private final HarvestScheduler scheduler;

    SourcesController(
            SourceRepository sources,
            BlockingStore store,
            InstantSource clock,
            HarvestScheduler scheduler,
            SourceValidator validator) {
        this.sources = sources;
        this.scheduler = scheduler;
        this.validator = validator;
        this.importer = new OpmlImporter(sources, validator, clock);
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "List sources by id",
            description = "q is plain text matched in id, title and URL; only the"
                    + " sources the caller is cleared for (marking and handling code), credentials masked.")
    Mono<PageResponse<SourceView>> list(
            @RequestParam(name = "q", required = false)
                    @Size(max = 200, message = "must be at most 200 characters")
                    @Nullable
                    String q,
            @Parameter(description = "feed, web, warc or folder")
                    @RequestParam(name = "kind", required = false)
                    @Nullable
                    String kind,
            @RequestParam(name = "enabled", required = false) @Nullable Boolean enabled,
            @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = PAGE_MESSAGE)
                    @Max(value = 1_000_000, message = PAGE_MESSAGE)
                    int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = SIZE_MESSAGE)
                    @Max(value = 200, message = SIZE_MESSAGE)
                    int size,
            @AuthenticationPrincipal User caller) {
        SourceKind sourceKind = kind == null ? null : kind(kind);
        Clearance clearance = caller.clearance();
        return store.call(() -> new PageResponse<>(
                        sources.page(q, sourceKind, enabled, page, size, clearance),
                        page,
                        size,
                        sources.count(q, sourceKind, enabled, clearance))
                .map(SourceView::of));
    }

    @GetMapping(path = "/export", produces = "text/x-opml")
    @Operation(
            summary = "The source catalogue as OPML 2.0",
            description = "Every source the caller is cleared for (marking and handling code), as OPML 2.0: feeds as"
                    + " standard outlines (type rss, xmlUrl, language) that feed readers and other collection tools"
                    + " read, inside folders named after their tags; every source also carries the catalogue's own"
                    + " attributes in the urn:ewea:opml:1 namespace (id, kind, grading, tlp, handling, schedule,"
                    + " enabled, local, path, profile, proxy), so that POST /api/v1/sources/import of the export into"
                    + " an empty catalogue gives the same catalogue. Credentials are masked and the source marked"
                    + " ewea:credentialsWithheld; the import skips those and says so.")
    Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal User caller) {
        return store.call(() -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ewea-sources.opml\"")
                .contentType(MediaType.parseMediaType("text/x-opml;charset=UTF-8"))
                .body(new OpmlExporter().export(sources.all(caller.clearance()), "EW/EA sources", clock.instant())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One source", description = "404 for a source marked above the caller's clearance.")
    Mono<SourceView> get(@PathVariable("id") String id, @AuthenticationPrincipal User caller) {
        SourceId sourceId = sourceId(id);
        return store.call(() -> SourceView.of(visible(sourceId, caller)));
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Add a source (ADMIN, SOURCE_MANAGER)",
            description = "201 with its Location; 400 naming"
                    + " every invalid field; 403 for a marking or handling code above the caller's clearance, or for"
                    + " local=true without ADMIN; 409 if the id is taken.")
    Mono<ResponseEntity<SourceView>> create(@RequestBody SourceRequest request, @AuthenticationPrincipal User caller) {
        Source source = validate(request, null);
        permitted(source, null, caller);
        return store.call(() -> {
            try {
                sources.create(source);
                scheduler.schedule(source);
            } catch (DuplicateSourceException e) {
                throw new ApiProblem(ProblemType.CONFLICT, e.getMessage() + ".");
            }
            return ResponseEntity.created(
                            URI.create("/api/v1/sources/" + source.id().value()))
                    .body(SourceView.of(source));
        });
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(
            summary = "Replace a source (ADMIN, SOURCE_MANAGER)",
            description = "The body's id, if given, must be"
                    + " the path's. A URL or proxy sent back exactly as GET shows it (credentials masked) keeps its stored"
                    + " credentials. 404 for a source above the caller's clearance; 403 for a new marking or handling code"
                    + " above it, or for making a source local (or changing a local source's URL or proxy) without ADMIN."
                    + " Items already collected keep their marking.")
    Mono<SourceView> replace(
            @PathVariable("id") String id, @RequestBody SourceRequest request, @AuthenticationPrincipal User caller) {
        SourceId sourceId = sourceId(id);
        if (request.id() != null && !request.id().equals(id)) {
            throw new ApiProblem(
                    ProblemType.INVALID_REQUEST,
                    "The body's id '" + request.id() + "' is not the path's id '" + id + "'.",
                    List.of(new ApiProblem.FieldError("id", "must be '" + id + "' or left out")));
        }
        return store.call(() -> {
            Source existing = visible(sourceId, caller);
            Source updated = validate(request.keepingSecretsOf(existing), id);
            permitted(updated, existing, caller);
            Source merged = updated.withTimes(existing.created(), clock.instant());
            sources.replace(merged);
            scheduler.schedule(merged);
            return SourceView.of(merged);
        });
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Remove a source (ADMIN, SOURCE_MANAGER)",
            description = "Its items stay. 404 for a source" + " above the caller's clearance.")
    Mono<ResponseEntity<Void>> delete(@PathVariable("id") String id, @AuthenticationPrincipal User caller) {
        SourceId sourceId = sourceId(id);
        return store.call(() -> {
            visible(sourceId, caller);
            if (!sources.delete(sourceId)) {
                throw notFound(id);
            }
            scheduler.unschedule(sourceId);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/x-opml", "application/xml", "text/xml"})
    @Operation(
            summary = "Import feed sources from OPML (ADMIN, SOURCE_MANAGER)",
            description = "All or nothing: a document that is not well-formed OPML gives 400 and imports nothing."
                    + " Outlines already in the catalogue, repeated or invalid are skipped and listed with the reason."
                    + " Category outlines become tags. Outlines of an export (GET /api/v1/sources/export) keep their"
                    + " id, kind, grading, TLP, handling code, schedule and the rest of the catalogue's own attributes"
                    + " (the parameters fill what an outline does not say); a source marked above the caller's"
                    + " clearance, or whose credentials the export withheld, is skipped with the reason.")
    Mono<ResponseEntity<OpmlImportReport>> importOpml(
            @RequestBody byte[] opml,
            @Parameter(description = "Admiralty grade for every imported source (default F6)")
                    @RequestParam(name = "grading", required = false)
                    @Nullable
                    String grading,
            @Parameter(description = "TLP for every imported source (default CLEAR)")
                    @RequestParam(name = "tlp", required = false)
                    @Nullable
                    String tlp,
            @RequestParam(name = "enabled", required = false) @Nullable Boolean enabled,
            @Parameter(description = "handling code for every imported source (default none)")
                    @RequestParam(name = "handling", required = false)
                    @Nullable
                    String handling,
            @AuthenticationPrincipal User caller) {
        OpmlImporter.Defaults defaults = new OpmlImporter.Defaults(grading, tlp, enabled, handling);
        permitted(
                validate(
                        new SourceRequest(
                                "opml-defaults",
                                null,
                                null,
                                "https://opml.invalid/",
                                null,
                                null,
                                null,
                                grading,
                                tlp,
                                null,
                                null,
                                enabled,
                                null,
                                null,
                                handling),
                        null),
                null,
                caller);
        return store.call(() -> {
            try {
                OpmlImportReport report = importer.importOpml(opml, defaults, source -> {
                    try {
                        permitted(source, null, caller);
                        return null;
                    } catch (ApiProblem refused) {
                        return refused.getMessage();
                    }
                });
                scheduler.sync(sources.enabled());
                return ResponseEntity.status(report.imported() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(report);
            } catch (InvalidOpmlException e) {
                throw new ApiProblem(
                        ProblemType.INVALID_REQUEST, "The OPML document was not imported: " + e.getMessage());
            }
        });
    }

    /** The source, if the caller is cleared for its marking and handling code; else 404, as if there were none. */
    private Source visible(SourceId id, User caller) {
        return sources.find(id)
                .filter(s -> caller.cleared(s.tlp(), s.handling()))
                .orElseThrow(() -> notFound(id.value()));
    }

    /**
     * Whether the caller may give a source this shape: never a marking or handling code above their own clearance
     * (they could no longer read what they collect, or could lower what others marked); the SSRF guard is switched
     * off ({@code local}) and a local source pointed elsewhere by an ADMIN only.
     */
    private static void permitted(Source source, @Nullable Source existing, User caller) {
        if (!caller.cleared(source.tlp(), source.handling())) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "A source may not be marked above your own clearance ("
                            + caller.clearance().describe() + "): "
                            + source.tlp().label() + ", handling "
                            + source.handling().label() + ".");
        }
        boolean guardOff = source.local()
                && (existing == null
                        || !existing.local()
                        || !Objects.equals(existing.url(), source.url())
                        || !Objects.equals(existing.path(), source.path())
                        || !Objects.equals(existing.proxy(), source.proxy()));
        if (guardOff && !caller.may(Permission.ADMINISTER)) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "Only an ADMIN makes a source local (loopback and private"
                            + " addresses allowed, the SSRF guard off) or points a local source elsewhere.");
        }
    }

    private Source validate(SourceRequest request, @Nullable String id) {
        try {
            return validator.validate(request.toSpec(id), clock.instant());
        } catch (InvalidSourceException e) {
            throw new ApiProblem(
                    ProblemType.INVALID_REQUEST,
                    e.getMessage() + ".",
                    e.errors().entrySet().stream()
                            .map(err -> new ApiProblem.FieldError(err.getKey(), err.getKey() + ": " + err.getValue()))
                            .toList());
        }
    }

    private static SourceKind kind(String kind) {
        try {
            return SourceKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    ProblemType.INVALID_PARAMETER,
                    "kind=" + kind + ": " + e.getMessage() + ".",
                    List.of(new ApiProblem.FieldError("kind", e.getMessage())));
        }
    }

    private static SourceId sourceId(String id) {
        try {
            return new SourceId(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "There is no source '" + id + "': " + e.getMessage() + ".");
        }
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(ProblemType.NOT_FOUND, "There is no source '" + id + "'.");
    }
}
