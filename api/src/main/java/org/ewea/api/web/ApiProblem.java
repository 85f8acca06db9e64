package org.ewea.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An error the API reports: a problem type, a detail that says what was wrong, and for invalid input the fields or
 * parameters concerned.
 */
public final class ApiProblem extends RuntimeException {

    /** One invalid field or parameter: its name, and what is wrong with it. */
    public record FieldError(String name, String message) {}

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiProblem(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** A 400 for one query or path parameter: {@code name=value: message}, with the parameter named. */
    public static ApiProblem invalidParameter(String name, @Nullable String value, String message) {
        String text = name + "=" + value + ": " + message;
        return new ApiProblem(ProblemType.INVALID_PARAMETER, text + ".", List.of(new FieldError(name, text)));
    }

    /** A 400 for one field of a request body: {@code field: message}, with the field named. */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(
                ProblemType.INVALID_REQUEST, field + ": " + message + ".", List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
