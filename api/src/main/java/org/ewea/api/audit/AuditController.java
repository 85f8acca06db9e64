package org.ewea.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit trail, for ADMIN. */
@RestController
@Tag(name = "Audit", description = "Who read, searched, exported or changed what (ADMIN)")
class AuditController {

    static final int MAX_SIZE = 500;

    private final AuditLog audit;
    private final BlockingStore store;

    private final AuditAnchor anchor;

    AuditController(AuditLog audit, BlockingStore store, AuditAnchor anchor) {
        this.anchor = anchor;
        this.audit = audit;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/audit", produces = "application/json")
    @Operation(
            summary = "Audit entries, newest first (ADMIN)",
            description = "Each with its position in the chain, time, user, action (READ, SEARCH, EXPORT, CHANGE),"
                    + " method, path, query, status, the previous entry's hash and its own.")
    Mono<PageResponse<AuditEntry>> list(
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and 1000000")
                    @Max(value = 1_000_000, message = "must be between 0 and 1000000")
                    int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
                    @RequestParam(name = "size", defaultValue = "50")
                    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
                    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
                    int size) {
        return store.call(() -> new PageResponse<>(audit.page(page, size), page, size, audit.count()));
    }

    @GetMapping(path = "/api/v1/audit/verify", produces = "application/json")
    @Operation(
            summary = "Recompute the hash chain (ADMIN): intact, or the first entry that was changed or removed",
            description = "Checked against the anchor kept outside the store too: a chain whose newest entries were"
                    + " deleted is not intact (firstBroken: the first missing position); an altered anchor is not"
                    + " intact either.")
    Mono<AuditLog.Verification> verify() {
        return store.call(() -> {
            AuditAnchor.Mark mark;
            try {
                mark = anchor.read().orElse(null);
            } catch (IllegalStateException altered) {
                return new AuditLog.Verification(audit.count(), false, null, 0);
            }
            return audit.verify(mark);
        });
    }
}
