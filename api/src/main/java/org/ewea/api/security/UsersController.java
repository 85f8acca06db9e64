package org.ewea.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.grading.HandlingCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Users (ADMIN only) and the caller's own record. */
@RestController
@Tag(name = "Users", description = "Users, their roles, TLP clearance and handling clearance")
class UsersController {

    /** A user to create. */
    record UserRequest(
            @Schema(example = "ana.lyst") @Nullable String username,
            @Schema(example = "[\"ANALYST\"]") @Nullable List<String> roles,

            @Schema(description = "most restrictive TLP the user may read", example = "TLP:AMBER") @Nullable
            String maxTlp,

            @Schema(
                    description = "most restrictive handling code the user may read: none (material without a"
                            + " handling code only), all, or a code of a grading scheme such as europol:H2",
                    example = "europol:H1")
            @Nullable
            String maxHandling) {}

    /** Changes to a user; fields left out stay as they are. */
    record UserChange(
            @Schema(example = "[\"ANALYST\", \"TRAINER\"]") @Nullable
            List<String> roles,

            @Schema(example = "TLP:AMBER+STRICT") @Nullable String maxTlp,
            @Schema(example = "europol:H2") @Nullable String maxHandling) {}

    private final UserRepository users;
    private final BlockingStore store;
    private final InstantSource clock;

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;
    /** bcrypt reads 72 bytes of a password and refuses longer ones. */
    static final int MAX_PASSWORD_BYTES = 72;

    /** A new password. */
    record PasswordRequest(@Nullable String password) {}

    private final PasswordEncoder encoder;
    private final HandlingCodes handlingCodes;

    UsersController(
            UserRepository users,
            BlockingStore store,
            InstantSource clock,
            PasswordEncoder encoder,
            Methodology methodology) {
        this.encoder = encoder;
        this.handlingCodes = methodology.grading().handlingCodes();
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/me", produces = "application/json")
    @Operation(summary = "The calling user: name, roles, TLP clearance and handling clearance")
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
    @Operation(
            summary = "Create a user (ADMIN); give them a token with POST /api/v1/tokens",
            description = "roles: ANALYST, POLICY, TRAINER, ADMIN; maxTlp: the most restrictive TLP they may read"
                    + " (default TLP:GREEN); maxHandling: the most restrictive handling code they may read (default"
                    + " none: only material without a handling code; GET /api/v1/methodology/handling-codes lists"
                    + " them). 400 naming every invalid field; 409 if the username is taken.")
    Mono<ResponseEntity<User>> create(@RequestBody UserRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (request.username() != null && request.username().indexOf('@') >= 0) {
            errors.add(new ApiProblem.FieldError(
                    "username",
                    "local accounts are named without '@': name@namespace"
                            + " is an identity provider's user, who comes with their token"));
        }
        Fields fields = fields(
                request.roles() == null ? List.of() : request.roles(), request.maxTlp(), request.maxHandling(), errors);
        User user = null;
        try {
            // a placeholder role while other fields are invalid, so that the username is checked too
            user = new User(
                    String.valueOf(request.username()),
                    fields.roles().isEmpty() ? Set.of(Role.POLICY) : fields.roles(),
                    fields.maxTlp() == null ? Tlp.GREEN : fields.maxTlp(),
                    fields.maxHandling() == null ? Handling.NONE : fields.maxHandling(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError("username", e.getMessage()));
        }
        if (!errors.isEmpty() || user == null) {
            throw invalid("The user is invalid", errors);
        }
        User valid = user;
        return store.call(() -> {
            if (!users.insert(valid)) {
                throw new ApiProblem(ProblemType.CONFLICT, "There is already a user '" + valid.username() + "'.");
            }
            return ResponseEntity.created(URI.create("/api/v1/users/" + valid.username()))
                    .body(valid);
        });
    }

    @PatchMapping(path = "/api/v1/users/{username}", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Change a user's roles, TLP clearance or handling clearance (ADMIN)",
            description = "Fields left out stay as they are. Takes effect on the user's next request (API tokens and"
                    + " UI sessions read the user each time). 400 naming every invalid field; 404 for an unknown"
                    + " user.")
    Mono<User> change(@PathVariable("username") String username, @RequestBody UserChange request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Fields fields = fields(request.roles(), request.maxTlp(), request.maxHandling(), errors);
        if (!errors.isEmpty()) {
            throw invalid("The change is invalid", errors);
        }
        return store.call(() -> users.update(username, fields.roles(), fields.maxTlp(), fields.maxHandling())
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no user '" + username + "'.")));
    }

    /** Roles and clearances as a request gives them; null where the request leaves them out. */
    private record Fields(
            @Nullable Set<Role> roles,
            @Nullable Tlp maxTlp,
            @Nullable Handling maxHandling) {}

    /**
     * The request's roles (at least one when given; pass an empty list where they are required) and clearances, with
     * what is wrong added to {@code errors}.
     */
    private Fields fields(
            @Nullable List<String> roleNames,
            @Nullable String maxTlp,
            @Nullable String maxHandling,
            List<ApiProblem.FieldError> errors) {
        Set<Role> roles = roles(roleNames, errors);
        if (roles != null && roles.isEmpty() && errors.isEmpty()) {
            errors.add(new ApiProblem.FieldError("roles", "at least one role is needed"));
        }
        return new Fields(roles, tlp(maxTlp, errors), handling(maxHandling, errors));
    }

    private static @Nullable Set<Role> roles(@Nullable List<String> names, List<ApiProblem.FieldError> errors) {
        if (names == null) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(role).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(
                        new ApiProblem.FieldError("roles", "'" + role + "' is not one of " + List.of(Role.values())));
            }
        }
        return roles;
    }

    private static @Nullable Tlp tlp(@Nullable String text, List<ApiProblem.FieldError> errors) {
        return parsed(text, "maxTlp", Tlp::parse, errors);
    }

    private @Nullable Handling handling(@Nullable String text, List<ApiProblem.FieldError> errors) {
        return parsed(text, "maxHandling", handlingCodes::parse, errors);
    }

    /** The field parsed; null when absent, or when invalid (and the error added). */
    private static <T> @Nullable T parsed(
            @Nullable String text, String field, Function<String, T> parser, List<ApiProblem.FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static ApiProblem invalid(String what, List<ApiProblem.FieldError> errors) {
        return new ApiProblem(
                ProblemType.INVALID_REQUEST,
                what + ": "
                        + errors.stream()
                                .map(ApiProblem.FieldError::message)
                                .reduce((a, b) -> a + "; " + b)
                                .orElse("") + ".",
                errors);
    }

    @PutMapping(path = "/api/v1/me/password", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Set your own password for the web UI",
            description = "12 to 200 characters; stored as a salted bcrypt hash. API tokens are not affected.")
    Mono<Void> ownPassword(@AuthenticationPrincipal User user, @RequestBody PasswordRequest request) {
        if (!user.local()) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "You signed in through your identity provider (" + user.username()
                            + "): it keeps your password, not EW/EA.");
        }
        return setPassword(user.username(), request);
    }

    @PutMapping(path = "/api/v1/users/{username}/password", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Set a user's password for the web UI (ADMIN)",
            description = "12 to 200 characters; stored as a salted bcrypt hash. There are no default passwords.")
    Mono<Void> password(@PathVariable("username") String username, @RequestBody PasswordRequest request) {
        if (!User.isLocalName(username)) {
            throw ApiProblem.invalidField(
                    "username",
                    "only local accounts have passwords here; '" + username
                            + "' signs in through an identity provider");
        }
        return setPassword(username, request);
    }

    private Mono<Void> setPassword(String username, PasswordRequest request) {
        String password = request.password();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiProblem.invalidField(
                    "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiProblem.invalidField(
                    "password",
                    "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"
                            + " (bcrypt, which stores it, reads no further)");
        }
        if (password.isBlank() || password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ApiProblem.invalidField("password", "must not be blank or contain the username");
        }
        return store.call(() -> {
                    if (!users.setPasswordHash(username, encoder.encode(password))) {
                        throw new ApiProblem(ProblemType.NOT_FOUND, "There is no user '" + username + "'.");
                    }
                    return Boolean.TRUE;
                })
                .then();
    }
}
