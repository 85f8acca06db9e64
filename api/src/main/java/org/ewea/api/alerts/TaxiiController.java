package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.export.StixCollection;
import org.ewea.alerts.export.StixExporter;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A read-only TAXII 2.1 server over the alerts' STIX objects, the way CTI platforms (OpenCTI, MISP, other TAXII
 * clients) pull from each other: discovery at {@value #ROOT}, one API root ({@value #API_ROOT}), and one collection
 * per TLP marking the reader is cleared for, each holding the STIX objects of the alerts marked so ({@link
 * StixCollection}). Objects and manifests page with {@code limit} and {@code next}, filter by {@code added_after},
 * {@code match[type]} and {@code match[id]}, and carry the {@code X-TAXII-Date-Added-First/Last} headers. Authenticated
 * by the service's bearer tokens, with the reader's clearance; every read is audited as an EXPORT.
 */
@RestController
@Tag(
        name = "TAXII 2.1",
        description = "A read-only TAXII 2.1 server: the alerts as STIX 2.1, a collection per TLP"
                + " marking the reader is cleared for")
class TaxiiController {

    static final String ROOT = "/taxii2/";
    static final String API_ROOT = ROOT + "ewea/";
    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final MediaType TAXII_TYPE = MediaType.parseMediaType(TAXII);

    private final AlertRepository alerts;
    private final StixExporter stix;
    private final BlockingStore store;

    TaxiiController(AlertRepository alerts, Methodology methodology, BlockingStore store) {
        this.alerts = alerts;
        this.stix = new StixExporter(methodology);
        this.store = store;
    }

    /** The collection id of a marking: name-based, the same on every install. */
    static String collectionId(Tlp tlp) {
        return UUID.nameUUIDFromBytes(("ewea:taxii:collection:" + tlp.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @GetMapping(
            path = ROOT,
            produces = {TAXII, "application/json"})
    @Operation(summary = "TAXII 2.1 discovery", description = "The server's one API root.")
    ResponseEntity<Map<String, Object>> discovery(ServerHttpRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "EW/EA early warning service");
        body.put(
                "description",
                "Early warnings of criminal uses of technology as STIX 2.1, a collection per TLP"
                        + " marking the reader is cleared for.");
        String root = base(request) + API_ROOT;
        body.put("default", root);
        body.put("api_roots", List.of(root));
        return taxii(body);
    }

    @GetMapping(
            path = API_ROOT,
            produces = {TAXII, "application/json"})
    @Operation(summary = "TAXII 2.1 API root")
    ResponseEntity<Map<String, Object>> apiRoot() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "EW/EA alerts");
        body.put("description", "The alerts of the service as STIX 2.1 reports with their subjects, read-only.");
        body.put("versions", List.of(TAXII));
        body.put("max_content_length", 104_857_600);
        return taxii(body);
    }

    @GetMapping(
            path = API_ROOT + "collections/",
            produces = {TAXII, "application/json"})
    @Operation(
            summary = "TAXII 2.1 collections",
            description = "One collection per TLP marking the caller is cleared"
                    + " for (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED), readable, not writable.")
    ResponseEntity<Map<String, Object>> collections(@AuthenticationPrincipal User user) {
        List<Map<String, Object>> collections = new ArrayList<>();
        for (Tlp tlp : Tlp.values()) {
            if (tlp.isAtMost(user.clearance().tlp())) {
                collections.add(collection(tlp));
            }
        }
        return taxii(Map.of("collections", collections));
    }

    @GetMapping(
            path = API_ROOT + "collections/{id}/",
            produces = {TAXII, "application/json"})
    @Operation(
            summary = "TAXII 2.1 collection",
            description = "404 for an unknown collection or one above the" + " caller's clearance.")
    ResponseEntity<Map<String, Object>> collection(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return taxii(collection(marking(user, id)));
    }

    @GetMapping(
            path = API_ROOT + "collections/{id}/objects/",
            produces = {TAXII, "application/json"})
    @Operation(
            summary = "TAXII 2.1 objects",
            description = "An envelope of the collection's STIX objects, oldest"
                    + " addition first: added_after (a timestamp), limit (1 to " + MAX_LIMIT + ", default "
                    + DEFAULT_LIMIT
                    + "), next (from the previous page), match[type] and match[id] (comma-separated). Headers"
                    + " X-TAXII-Date-Added-First and -Last give the page's first and last addition.")
    Mono<ResponseEntity<Map<String, Object>>> objects(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @Parameter(description = "only objects added after this time")
                    @RequestParam(name = "added_after", required = false)
                    @Nullable
                    String addedAfter,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "next", required = false) @Nullable String next,
            @RequestParam(name = "match[type]", required = false) @Nullable String types,
            @RequestParam(name = "match[id]", required = false) @Nullable String ids) {
        return listing(user, id, query(addedAfter, limit, next, types, ids), StixCollection.Entry::object);
    }

    @GetMapping(
            path = API_ROOT + "collections/{id}/objects/{objectId}/",
            produces = {TAXII, "application/json"})
    @Operation(
            summary = "TAXII 2.1 one object",
            description = "An envelope with the object; 404 when the collection" + " does not hold it.")
    Mono<ResponseEntity<Map<String, Object>>> object(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @PathVariable("objectId") String objectId) {
        Tlp tlp = marking(user, id);
        return store.call(() -> {
            StixCollection.Entry entry = collectionOf(user, tlp)
                    .find(objectId)
                    .orElseThrow(() ->
                            new ApiProblem(ProblemType.NOT_FOUND, "The collection holds no object " + objectId + "."));
            StixCollection.Page page = new StixCollection.Page(List.of(entry), false, null);
            return paged(new LinkedHashMap<>(Map.of("more", false, "objects", List.of(entry.object()))), page);
        });
    }

    @GetMapping(
            path = API_ROOT + "collections/{id}/manifest/",
            produces = {TAXII, "application/json"})
    @Operation(
            summary = "TAXII 2.1 manifest",
            description = "What the objects endpoint would answer, as one line per"
                    + " object: id, date_added, version, media_type; the same parameters and headers.")
    Mono<ResponseEntity<Map<String, Object>>> manifest(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestParam(name = "added_after", required = false) @Nullable String addedAfter,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "next", required = false) @Nullable String next,
            @RequestParam(name = "match[type]", required = false) @Nullable String types,
            @RequestParam(name = "match[id]", required = false) @Nullable String ids) {
        return listing(
                user,
                id,
                query(addedAfter, limit, next, types, ids),
                e -> Map.of("id", e.id(), "date_added", time(e.added()), "version", e.version(), "media_type", STIX));
    }

    /** A page of the collection, each entry as {@code each} writes it, in an envelope with its headers. */
    private Mono<ResponseEntity<Map<String, Object>>> listing(
            User user, String id, Query query, Function<StixCollection.Entry, Object> each) {
        Tlp tlp = marking(user, id);
        return store.call(() -> {
            StixCollection.Page page = page(user, tlp, query);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("more", page.more());
            if (page.next() != null) {
                body.put("next", page.next());
            }
            body.put("objects", page.entries().stream().map(each).toList());
            return paged(body, page);
        });
    }

    /** The parameters of an objects or manifest request, checked. */
    private record Query(
            @Nullable Instant addedAfter,
            int limit,
            @Nullable String next,
            Set<String> types,
            Set<String> ids) {}

    private static Query query(
            @Nullable String addedAfter,
            @Nullable Integer limit,
            @Nullable String next,
            @Nullable String types,
            @Nullable String ids) {
        Instant after = null;
        if (addedAfter != null) {
            try {
                after = Instant.parse(addedAfter);
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalidParameter(
                        "added_after", addedAfter, "is not a timestamp such as" + " 2026-02-01T00:00:00.000Z");
            }
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ApiProblem.invalidParameter("limit", String.valueOf(limit), "must be between 1 and " + MAX_LIMIT);
        }
        return new Query(after, limit == null ? DEFAULT_LIMIT : limit, next, list(types), list(ids));
    }

    private StixCollection.Page page(User user, Tlp tlp, Query q) {
        try {
            return collectionOf(user, tlp).page(q.addedAfter(), q.types(), q.ids(), q.next(), q.limit());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("next", q.next(), "is not a page key this collection gave");
        }
    }

    /** The alerts marked {@code tlp} the reader may read (their handling clearance too), as a collection. */
    private StixCollection collectionOf(User user, Tlp tlp) {
        return StixCollection.of(
                alerts.all(user.clearance()).stream()
                        .filter(a -> a.tlp() == tlp)
                        .toList(),
                stix);
    }

    /** The marking of a collection the caller may read; 404 for any other id. */
    private static Tlp marking(User user, String id) {
        for (Tlp tlp : Tlp.values()) {
            if (collectionId(tlp).equals(id) && tlp.isAtMost(user.clearance().tlp())) {
                return tlp;
            }
        }
        throw new ApiProblem(ProblemType.NOT_FOUND, "There is no collection " + id + ".");
    }

    private static Map<String, Object> collection(Tlp tlp) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", collectionId(tlp));
        c.put("title", "EW/EA alerts marked " + tlp.label());
        c.put(
                "description",
                "The STIX 2.1 reports of the alerts marked " + tlp.label() + ", with their subjects and"
                        + " the marking definitions they use.");
        c.put("can_read", true);
        c.put("can_write", false);
        c.put("media_types", List.of(STIX));
        return c;
    }

    private static ResponseEntity<Map<String, Object>> taxii(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(TAXII_TYPE).body(body);
    }

    private static ResponseEntity<Map<String, Object>> paged(Map<String, Object> body, StixCollection.Page page) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(TAXII_TYPE);
        if (!page.entries().isEmpty()) {
            answer.header(
                            "X-TAXII-Date-Added-First",
                            time(page.entries().getFirst().added()))
                    .header(
                            "X-TAXII-Date-Added-Last",
                            time(page.entries().getLast().added()));
        }
        return answer.body(body);
    }

    private static String time(Instant instant) {
        return StixExporter.TIME.format(instant);
    }

    private static Set<String> list(@Nullable String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank()
                ? Set.of()
                : Arrays.stream(commaSeparated.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }

    private static String base(ServerHttpRequest request) {
        var uri = request.getURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
