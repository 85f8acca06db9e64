package org.ewea.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ewea.api.LiveApplicationTests;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says the build's version and every operation's problem answers, as generators need. */
class OpenApiIntegrationTests extends LiveApplicationTests {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsProblemAnswersAndTheDocumentItsVersion() {
        Map<String, Object> doc = getJsonObject("/v3/api-docs");
        Map<String, Object> info = (Map<String, Object>) doc.get("info");
        assertThat((String) info.get("version")).isNotBlank().isNotEqualTo("v0").matches("\\d+\\.\\d+.*");
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertThat(schemas).containsKey("Problem");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        assertThat(paths).isNotEmpty();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                Map<String, Object> responses =
                        (Map<String, Object>) ((Map<String, Object>) op.getValue()).get("responses");
                String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertThat(responses).as(where).containsKeys("401", "403", "500");
                if (path.getKey().contains("{")) {
                    assertThat(responses).as(where).containsKey("404");
                }
                Map<String, Object> content =
                        (Map<String, Object>) ((Map<String, Object>) responses.get("500")).get("content");
                assertThat(content).as(where).containsKey("application/problem+json");
            }
        }
        assertThat(operations).isGreaterThan(50);
    }
}
