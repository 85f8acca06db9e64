package org.ewea.api.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ewea.api.LiveApplicationTests;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class MethodologyApiIntegrationTests extends LiveApplicationTests {

    private Map<String, Object> get(String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesTheVersionAndCounts() {
        Map<String, Object> methodology = get("/api/v1/methodology");
        assertThat((String) methodology.get("versionId")).matches("2026\\.11\\+[0-9a-f]{12}");
        Map<String, Object> counts = (Map<String, Object>) methodology.get("counts");
        assertThat((Integer) counts.get("technologies")).isGreaterThanOrEqualTo(80);
        assertThat((List<String>) methodology.get("languages")).contains("en", "de", "fr", "es", "it", "nl", "pl");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesTechnologiesWithLabelsInSevenLanguages() {
        Map<String, Object> page = get("/api/v1/methodology/technologies?page=0&size=200");
        assertThat(((Number) page.get("total")).intValue()).isGreaterThanOrEqualTo(80);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items)
                .hasSizeGreaterThanOrEqualTo(80)
                .allSatisfy(t -> assertThat(((Map<String, Object>) t.get("labels")).keySet())
                        .contains("en", "de", "fr", "es", "it", "nl", "pl"));
        Map<String, Object> second = get("/api/v1/methodology/technologies?page=1&size=10");
        assertThat(second).containsEntry("page", 1).containsEntry("size", 10);
        assertThat((List<Object>) second.get("items")).hasSize(10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void findsTechnologiesByLabelsInAnyLanguage() {
        Map<String, Object> found = get("/api/v1/methodology/technologies?q=stimmklonen");
        assertThat((List<Map<String, Object>>) found.get("items"))
                .extracting(t -> t.get("id"))
                .containsExactly("voice-cloning");
        Map<String, Object> voice = get("/api/v1/methodology/technologies/voice-cloning");
        assertThat(voice).containsEntry("topLevel", "ai-and-synthetic-media").containsEntry("name", "voice cloning");
        assertThat((List<String>) voice.get("path")).containsExactly("voice-cloning", "ai-and-synthetic-media");
    }

    @Test
    void answersAnUnknownTechnologyWith404ProblemDetails() {
        client.get()
                .uri("/api/v1/methodology/technologies/teleportation")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:not-found")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("'teleportation'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesPlaybooksFilteredSpecificFirst() {
        Map<String, Object> page =
                get("/api/v1/methodology/playbooks?category=illicit-finance&stage=emerging" + "&audience=operational");
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).isNotEmpty();
        assertThat(items.getFirst())
                .containsEntry("id", "finance-em-vasp")
                .containsEntry("review", "P30D")
                .containsKeys("action", "owner", "done", "title", "text");
        client.get()
                .uri("/api/v1/methodology/playbooks?audience=journalists")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("audience");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesGradingSchemesAndValidatesGrades() {
        Map<String, Object> schemes = get("/api/v1/methodology/grading/schemes");
        assertThat((List<Map<String, Object>>) schemes.get("items"))
                .extracting(s -> ((Map<String, Object>) s.get("scheme")).get("id"))
                .containsExactly("admiralty", "uk-3x5x2", "europol");
        Map<String, Object> grade = get("/api/v1/methodology/grading/validate?scheme=europol&grade=b2-h2");
        assertThat(grade).containsEntry("grade", "B2-H2");
        assertThat((Map<String, String>) grade.get("equivalents")).containsEntry("admiralty", "B2");
        client.get()
                .uri("/api/v1/methodology/grading/validate?scheme=europol&grade=Z9")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:invalid-parameter")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("'Z9'").contains("H0, H1"));
    }

    @Test
    void servesStagesAndTheRiskMatrix() {
        client.get()
                .uri("/api/v1/methodology/stages")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stages[0].id")
                .isEqualTo("weak-signal")
                .jsonPath("$.transitions[0].to")
                .isEqualTo("emerging");
        client.get()
                .uri("/api/v1/methodology/risk-matrix")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priorities[0].id")
                .isEqualTo("P1");
    }

    @Test
    void documentsTheEndpointsInOpenApi() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/methodology/technologies'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/methodology/technologies/{id}'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/methodology/playbooks'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/methodology/grading/schemes'].get")
                .exists();
    }
}
