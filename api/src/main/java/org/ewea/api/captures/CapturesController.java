package org.ewea.api.captures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.store.RawCaptureStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What was captured, byte for byte: an item's {@code provenance.rawSha256} names its capture here. The bytes are
 * served as an attachment of type application/octet-stream with nosniff, so captured (hostile) HTML is never rendered
 * by a browser; the type it was captured with is in the description and the X-EWEA-Captured-Content-Type header.
 */
@RestController
@RequestMapping("/api/v1/captures/{sha256}")
@Tag(name = "Captures", description = "Raw captures behind the items (chain of custody)")
class CapturesController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final RawCaptureStore captures;
    private final ItemRepository items;
    private final BlockingStore store;

    CapturesController(RawCaptureStore captures, ItemRepository items, BlockingStore store) {
        this.captures = captures;
        this.items = items;
        this.store = store;
    }

    /**
     * The capture if the user is cleared for it: for the TLP of its source and for the marking and handling code of every item extracted from it. A
     * capture the user is not cleared for is not found, like one that does not exist.
     */
    private RawCaptureStore.StoredCapture cleared(String sha256, User user) {
        RawCaptureStore.StoredCapture described = captures.describe(sha256).orElseThrow(() -> notFound(sha256));
        if (!described.tlp().isAtMost(user.maxTlp()) || !items.captureCleared(sha256, user.clearance())) {
            throw notFound(sha256);
        }
        return described;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "What is known of a capture: origin, capture time, source, locator, type, size")
    Mono<RawCaptureStore.StoredCapture> describe(
            @PathVariable("sha256") String sha256, @AuthenticationPrincipal User user) {
        check(sha256);
        return store.call(() -> cleared(sha256, user));
    }

    @GetMapping(path = "/raw", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "The captured bytes, as an attachment")
    Mono<ResponseEntity<byte[]>> raw(@PathVariable("sha256") String sha256, @AuthenticationPrincipal User user) {
        check(sha256);
        return store.call(() -> {
            RawCaptureStore.StoredCapture described = cleared(sha256, user);
            byte[] bytes = captures.bytes(sha256).orElseThrow(() -> notFound(sha256));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            headers.setContentDisposition(
                    ContentDisposition.attachment().filename(sha256 + ".bin").build());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-EWEA-Captured-Content-Type", described.contentType());
            return ResponseEntity.ok().headers(headers).body(bytes);
        });
    }

    private static void check(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new ApiProblem(
                    ProblemType.INVALID_PARAMETER,
                    "sha256=" + sha256 + ": must be 64 lower-case hex digits.",
                    List.of(new ApiProblem.FieldError("sha256", "must be 64 lower-case hex digits")));
        }
    }

    private static ApiProblem notFound(String sha256) {
        return new ApiProblem(
                ProblemType.NOT_FOUND,
                "No capture with SHA-256 " + sha256
                        + " is kept (never captured, or purged after the retention period).");
    }
}
