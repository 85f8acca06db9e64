package org.ewea.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** API tokens: an admin issues and revokes anyone's, a user their own. The secret is shown once. */
@RestController
@Tag(name = "Tokens", description = "API tokens (Authorization: Bearer)")
class TokensController {

    /** A token to issue. */
    record TokenRequest(
            @Schema(description = "what the token is for", example = "digest script") @Nullable
            String name,

            @Schema(description = "whose token (ADMIN only; default the caller)", example = "ana.lyst") @Nullable
            String username) {}

    /** An issued token with its secret, shown only in this answer. */
    record IssuedToken(ApiToken token, String secret) {}

    private final ApiTokens tokens;
    private final UserRepository users;
    private final BlockingStore store;
    private final RateLimits limits;

    TokensController(ApiTokens tokens, UserRepository users, BlockingStore store, RateLimits limits) {
        this.tokens = tokens;
        this.users = users;
        this.store = store;
        this.limits = limits;
    }

    @GetMapping(path = "/api/v1/tokens", produces = "application/json")
    @Operation(summary = "Tokens, newest first: everyone's for ADMIN, else the caller's (never the secrets)")
    Mono<PageResponse<ApiToken>> list(@AuthenticationPrincipal User caller) {
        return store.call(() -> {
            List<ApiToken> list = tokens.list(caller.may(Permission.ADMINISTER) ? null : caller.username());
            return new PageResponse<>(list, 0, list.size(), list.size());
        });
    }

    @PostMapping(path = "/api/v1/tokens", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Issue a token; the answer holds its secret, which is not stored and not shown again",
            description = "A user issues tokens for themselves; an ADMIN for any user. 400 for a missing name, 404"
                    + " for an unknown user, 403 for someone else's token without ADMIN, 429 after "
                    + RateLimits.TOKENS_ISSUED + " tokens within an hour.")
    Mono<ResponseEntity<IssuedToken>> issue(@AuthenticationPrincipal User caller, @RequestBody TokenRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ApiProblem.invalidField("name", "say what the token is for, in 1 to 100 characters");
        }
        String owner = request.username() == null ? caller.username() : request.username();
        if (!User.isLocalName(owner)) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "EW/EA issues tokens to local accounts only; '" + owner
                            + "' is an identity provider's user, whose provider issues their tokens.");
        }
        if (!owner.equals(caller.username()) && !caller.may(Permission.ADMINISTER)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only an ADMIN issues tokens for other users.");
        }
        if (!limits.tryIssue(caller.username())) {
            throw new ApiProblem(
                    ProblemType.TOO_MANY_REQUESTS,
                    "You have issued " + RateLimits.TOKENS_ISSUED + " tokens within the last hour; try again later.");
        }
        return store.call(() -> {
            if (users.find(owner).filter(User::local).isEmpty()) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "There is no user '" + owner + "'.");
            }
            ApiTokens.Issued issued = tokens.issue(owner, name);
            return ResponseEntity.created(
                            URI.create("/api/v1/tokens/" + issued.token().id()))
                    .body(new IssuedToken(issued.token(), issued.secret()));
        });
    }

    @DeleteMapping(path = "/api/v1/tokens/{id}")
    @Operation(summary = "Revoke a token (ADMIN any, a user their own); 204, also when already revoked")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal User caller, @PathVariable("id") String id) {
        return store.call(() -> {
            ApiToken token = tokens.find(id)
                    .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no token '" + id + "'."));
            if (!token.username().equals(caller.username()) && !caller.may(Permission.ADMINISTER)) {
                throw new ApiProblem(ProblemType.FORBIDDEN, "Only an ADMIN revokes other users' tokens.");
            }
            tokens.revoke(id);
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
