package org.ewea.api.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the OpenAPI document as client generators need it: {@code info.version} is the build's version, and every
 * operation documents the RFC 9457 problem answers the service gives (400 for an operation with parameters or a
 * body, 401 without a valid token, 403 for a role that may not, 404 for a path naming one thing, 409 and 413 where
 * writes can conflict or be too large, 500 with a reference to the log), as {@code application/problem+json} of one
 * {@code Problem} schema. Answers an operation declares itself are kept.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiProblems {

    static final String PROBLEM = "Problem";
    static final String MEDIA = "application/problem+json";

    @Bean
    OpenApiCustomizer problemAnswers(ObjectProvider<BuildProperties> build) {
        return openApi -> {
            BuildProperties properties = build.getIfAvailable();
            String version = properties != null
                    ? properties.getVersion()
                    : OpenApiProblems.class.getPackage().getImplementationVersion();
            openApi.getInfo().setVersion(version != null ? version : "development");
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> addAnswers(path, method, operation)));
        };
    }

    private static void addAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> answers = new LinkedHashMap<>();
        boolean takesInput =
                (operation.getParameters() != null && !operation.getParameters().isEmpty())
                        || operation.getRequestBody() != null;
        if (takesInput) {
            answers.put("400", "A parameter or the body is invalid: the problem names it (RFC 9457)");
        }
        answers.put("401", "No valid bearer token (or UI session)");
        answers.put("403", "The caller's roles do not allow this");
        if (path.contains("{")) {
            answers.put("404", "No such thing, or one the caller is not cleared for (answered alike)");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            answers.put("409", "A conflicting change came first, or the thing is in a state that does not allow this");
        }
        if (operation.getRequestBody() != null) {
            answers.put("413", "The body is larger than the service accepts");
        }
        answers.put("500", "An unexpected error; the problem's reference finds it in the log");
        answers.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                MEDIA,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
        operation.setResponses(responses);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("The problem type"))
                .addProperty("title", new StringSchema().description("Short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, in words"))
                .addProperty("instance", new StringSchema().format("uri").description("The request it answers"));
    }
}
