package org.ewea.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error, from a controller, from routing or from anywhere else, into an RFC 9457
 * {@code application/problem+json} answer with a stable {@code type} and a {@code detail} that says what was wrong.
 * Runs before Spring Boot's own error handler. Unexpected errors are logged with a reference the answer repeats; their
 * messages are never shown.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ApiProblem problem = classify(error, response.getHeaders());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().uri().toString());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequest().getPath().value());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatusCode(problem.type().status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private ApiProblem classify(Throwable error, HttpHeaders headers) {
        return switch (error) {
            case ApiProblem problem -> problem;
            case HandlerMethodValidationException invalid -> invalidParameters(invalid);
            case WebExchangeBindException invalid -> invalidBody(invalid);
            case ServerWebInputException input
            when input.getCause() instanceof TypeMismatchException mismatch ->
                typeMismatch(input.getMethodParameter(), mismatch);
            case ServerWebInputException input
            when input.getCause() instanceof DataBufferLimitException ->
                new ApiProblem(
                        ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint" + " accepts.");
            case ServerWebInputException input ->
                new ApiProblem(
                        input.getStatusCode().value() == 400
                                ? ProblemType.INVALID_REQUEST
                                : byStatus(input.getStatusCode()),
                        reason(input));
            case MethodNotAllowedException notAllowed -> {
                headers.setAllow(notAllowed.getSupportedMethods());
                yield new ApiProblem(
                        ProblemType.METHOD_NOT_ALLOWED,
                        "Method " + notAllowed.getHttpMethod() + " is not supported here; supported: "
                                + notAllowed.getSupportedMethods() + ".");
            }
            case NoResourceFoundException notFound ->
                new ApiProblem(ProblemType.NOT_FOUND, "There is nothing at this path.");
            case ErrorResponse response -> {
                headers.addAll(response.getHeaders());
                yield new ApiProblem(byStatus(response.getStatusCode()), reason(response));
            }
            default -> unexpected(error);
        };
    }

    private static ApiProblem invalidParameters(HandlerMethodValidationException invalid) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> {
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable resolvable : result.getResolvableErrors()) {
                errors.add(new ApiProblem.FieldError(
                        name, name + "=" + result.getArgument() + ": " + resolvable.getDefaultMessage()));
            }
        });
        return new ApiProblem(ProblemType.INVALID_PARAMETER, joinMessages(errors), errors);
    }

    private static ApiProblem invalidBody(WebExchangeBindException invalid) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (FieldError field : invalid.getFieldErrors()) {
            errors.add(
                    new ApiProblem.FieldError(field.getField(), field.getField() + ": " + field.getDefaultMessage()));
        }
        invalid.getGlobalErrors()
                .forEach(global -> errors.add(
                        new ApiProblem.FieldError(global.getObjectName(), String.valueOf(global.getDefaultMessage()))));
        return new ApiProblem(ProblemType.INVALID_REQUEST, joinMessages(errors), errors);
    }

    private static ApiProblem typeMismatch(@Nullable MethodParameter parameter, TypeMismatchException mismatch) {
        String name = parameter != null ? parameterName(parameter) : String.valueOf(mismatch.getPropertyName());
        String expected = mismatch.getRequiredType() == null
                ? "value"
                : switch (mismatch.getRequiredType().getSimpleName()) {
                    case "int", "Integer", "long", "Long" -> "whole number";
                    case "boolean", "Boolean" -> "true or false";
                    case "Instant" -> "ISO-8601 instant such as 2026-01-31T00:00:00Z";
                    default -> mismatch.getRequiredType().getSimpleName();
                };
        String message = name + "=" + mismatch.getValue() + ": must be a " + expected;
        return new ApiProblem(
                ProblemType.INVALID_PARAMETER, message + ".", List.of(new ApiProblem.FieldError(name, message)));
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static String joinMessages(List<ApiProblem.FieldError> errors) {
        if (errors.isEmpty()) {
            return "The request is not valid.";
        }
        return String.join(
                        "; ",
                        errors.stream().map(ApiProblem.FieldError::message).toList()) + ".";
    }

    private static String reason(ErrorResponse response) {
        String detail = response.getBody().getDetail();
        return detail != null ? detail : response.getStatusCode().toString();
    }

    private static ProblemType byStatus(HttpStatusCode status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status().value() == status.value() && type != ProblemType.INVALID_PARAMETER) {
                return type;
            }
        }
        return status.is4xxClientError() ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
    }

    private static ApiProblem unexpected(Throwable error) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", reference, error);
        return new ApiProblem(
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred. Quote reference " + reference + " when reporting it.");
    }
}
