package org.ewea.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Users (ADMIN only) and the caller's own record. */
@RestController
@Tag(name = "Users", description = "Users, their roles and TLP clearance")
class UsersController {

    /** A user to create. */
    record UserRequest(@Schema(example = "ana.lyst") @Nullable String username,
            @Schema(example = "[\"ANALYST\"]") @Nullable List<String> roles,
            @Schema(description = "most restrictive TLP the user may read", example = "TLP:AMBER")
            @Nullable String maxTlp) {
    }

    private final UserRepository users;
    private final BlockingStore store;
    private final InstantSource clock;

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;

    /** A new password. */
    record PasswordRequest(@Nullable String password) {
    }

    private final PasswordEncoder encoder;

    UsersController(UserRepository users, BlockingStore store, InstantSource clock, PasswordEncoder encoder) {
        this.encoder = encoder;
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/me", produces = "application/json")
    @Operation(summary = "The calling user: name, roles and TLP clearance")
    Mono<User> me(@AuthenticationPrincipal User user) {
        return Mono.just(user);
    }

    @GetMapping(path = "/api/v1/users", produces = "application/json")
    @Operation(summary = "Every user (ADMIN)")
    Mono<PageResponse<User>> list() {
        return store.call(() -> {
            List<User> all = users.all();
            return new PageResponse<>(all, 0, all.size(), all.size());
        });
    }

    @PostMapping(path = "/api/v1/users", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Create a user (ADMIN); give them a token with POST /api/v1/tokens",
            description = "roles: ANALYST, POLICY, TRAINER, ADMIN; maxTlp: the most restrictive TLP they may read"
                    + " (default TLP:GREEN). 400 naming every invalid field; 409 if the username is taken.")
    Mono<ResponseEntity<User>> create(@RequestBody UserRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : request.roles() == null ? List.<String>of() : request.roles()) {
            try {
                roles.add(Role.valueOf(String.valueOf(role).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("roles", "'" + role + "' is not one of "
                        + List.of(Role.values())));
            }
        }
        if (roles.isEmpty() && errors.isEmpty()) {
            errors.add(new ApiProblem.FieldError("roles", "at least one role is needed"));
        }
        Tlp maxTlp = Tlp.GREEN;
        if (request.maxTlp() != null) {
            try {
                maxTlp = Tlp.parse(request.maxTlp());
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("maxTlp", e.getMessage()));
            }
        }
        User user = null;
        try {
            user = new User(String.valueOf(request.username()), roles.isEmpty() ? Set.of(Role.POLICY) : roles,
                    maxTlp, clock.instant());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError("username", e.getMessage()));
        }
        if (!errors.isEmpty() || user == null) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "The user is invalid: " + errors.stream()
                    .map(ApiProblem.FieldError::message).reduce((a, b) -> a + "; " + b).orElse("") + ".", errors);
        }
        User valid = user;
        return store.call(() -> {
            if (!users.insert(valid)) {
                throw new ApiProblem(ProblemType.CONFLICT, "There is already a user '" + valid.username() + "'.");
            }
            return ResponseEntity.created(URI.create("/api/v1/users/" + valid.username())).body(valid);
        });
    }

    @PutMapping(path = "/api/v1/me/password", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set your own password for the web UI",
            description = "12 to 200 characters; stored as a salted bcrypt hash. API tokens are not affected.")
    Mono<Void> ownPassword(@AuthenticationPrincipal User user, @RequestBody PasswordRequest request) {
        return setPassword(user.username(), request);
    }

    @PutMapping(path = "/api/v1/users/{username}/password",
            consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a user's password for the web UI (ADMIN)",
            description = "12 to 200 characters; stored as a salted bcrypt hash. There are no default passwords.")
    Mono<Void> password(@PathVariable("username") String username,
            @RequestBody PasswordRequest request) {
        return setPassword(username, request);
    }

    private Mono<Void> setPassword(String username, PasswordRequest request) {
        String password = request.password();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiProblem.invalidField("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters");
        }
        if (password.isBlank() || password.toLowerCase(Locale.ROOT).contains(username
                .toLowerCase(Locale.ROOT))) {
            throw ApiProblem.invalidField("password", "must not be blank or contain the username");
        }
        return store.call(() -> {
            if (!users.setPasswordHash(username, encoder.encode(password))) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "There is no user '" + username + "'.");
            }
            return Boolean.TRUE;
        }).then();
    }
}
