package org.ewea.api.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ewea.api.LiveApplicationTests;
import org.ewea.api.TestClients;
import org.ewea.collectors.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class SourcesApiIntegrationTests extends LiveApplicationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @Test
    void createsReadsReplacesAndDeletesASource() {
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"id": "crud-test", "url": "https://crud.example/rss", "grading": "b2", "tlp": "amber",
                 "tags": ["test"], "schedule": "0 */30 * * * ?"}""")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/sources/crud-test")
                .expectBody()
                .jsonPath("$.grading")
                .isEqualTo("B2")
                .jsonPath("$.tlp")
                .isEqualTo("TLP:AMBER")
                .jsonPath("$.kind")
                .isEqualTo("feed")
                .jsonPath("$.enabled")
                .isEqualTo(true);
        client.get()
                .uri("/api/v1/sources/crud-test")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("https://crud.example/rss");
        client.put()
                .uri("/api/v1/sources/crud-test")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"url": "https://crud.example/atom", "enabled": false}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enabled")
                .isEqualTo(false)
                .jsonPath("$.url")
                .isEqualTo("https://crud.example/atom");
        client.delete()
                .uri("/api/v1/sources/crud-test")
                .exchange()
                .expectStatus()
                .isNoContent();
        client.get()
                .uri("/api/v1/sources/crud-test")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.delete()
                .uri("/api/v1/sources/crud-test")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void rejectsInvalidSourcesNamingEveryField() {
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"id": "Bad Id", "url": "javascript:alert(1)", "grading": "Z9", "schedule": "hourly"}""")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:invalid-request")
                .jsonPath("$.errors[*].name")
                .value(names -> assertThat((List<String>) names).contains("id", "url", "grading", "schedule"));
    }

    @Test
    void rejectsUnknownFieldsAndMalformedJson() {
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"x-feed\", \"url\": \"https://x.example/\", \"colour\": \"red\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:invalid-request");
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("id=x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:unsupported-media-type");
    }

    @Test
    void answersADuplicateIdWithConflict() {
        String body = "{\"id\": \"dup-feed\", \"url\": \"https://dup.example/rss\"}";
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:conflict");
    }

    @Test
    @SuppressWarnings("unchecked")
    void importsOpmlAndRejectsMalformedOpmlImportingNothing() {
        Map<String, Object> report = client.post()
                .uri("/api/v1/sources/import?grading=C3&tlp=GREEN")
                .contentType(MediaType.parseMediaType("text/x-opml"))
                .bodyValue(Fixtures.resource("opml/small.opml"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(report).containsEntry("feeds", 6).containsEntry("imported", 4);
        assertThat((List<Object>) report.get("skipped")).hasSize(2);
        client.get()
                .uri("/api/v1/sources/unicode-feed")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.grading")
                .isEqualTo("C3")
                .jsonPath("$.tags[1]")
                .isEqualTo("Nested");

        long before = total();
        client.post()
                .uri("/api/v1/sources/import")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue("<opml><body><outline xmlUrl='https://late.example/rss'></body>")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("line 1"));
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void treatsHostileQueryStringsAsPlainText() {
        Map<String, Object> page = client.get()
                .uri(b -> b.path("/api/v1/sources").queryParam("q", "{q}").build("{\"$gt\": \"\"}"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(((Number) page.get("total")).longValue()).isZero();
        client.get()
                .uri("/api/v1/sources?kind=gopher")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("kind");
    }

    private long total() {
        return ((Number) client.get()
                        .uri("/api/v1/sources?size=1")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody()
                        .get("total"))
                .longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheCatalogueAsOpmlAsTheCallerMaySeeItAndTheExportImportsAsIs() {
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"id": "opml-red", "kind": "feed", "title": "A RED partner feed", "url": "https://red.example/rss",
                 "grading": "B2", "tlp": "RED", "tags": ["partners"]}""")
                .exchange()
                .expectStatus()
                .isCreated();
        client.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"id": "opml-clear", "kind": "feed", "title": "An open feed", "url": "https://open.example/rss",
                 "grading": "C3", "tlp": "CLEAR", "handling": "europol:H1"}""")
                .exchange()
                .expectStatus()
                .isCreated();
        try {
            String opml = client.get()
                    .uri("/api/v1/sources/export")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith("text/x-opml")
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(opml)
                    .contains(
                            "<opml version=\"2.0\"",
                            "xmlns:ewea=\"urn:ewea:opml:1\"",
                            "ewea:id=\"opml-red\"",
                            "ewea:tlp=\"TLP:RED\"",
                            "<outline text=\"partners\"",
                            "ewea:id=\"opml-clear\"",
                            "ewea:handling=\"europol:H1\"");
            Map<String, Object> user = Map.of(
                    "username", "opml-green", "roles", List.of("ANALYST"), "maxTlp", "TLP:GREEN", "maxHandling", "all");
            client.post()
                    .uri("/api/v1/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(user)
                    .exchange()
                    .expectStatus()
                    .isCreated();
            Map<String, Object> token = client.post()
                    .uri("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "t", "username", "opml-green"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            String green = TestClients.forPort(port, (String) token.get("secret"))
                    .get()
                    .uri("/api/v1/sources/export")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(green)
                    .as("a GREEN reader's catalogue holds no RED source")
                    .doesNotContain("opml-red")
                    .contains("ewea:id=\"opml-clear\"");
            // the export read back: everything is in the catalogue already, nothing is lost or doubled
            Map<String, Object> report = client.post()
                    .uri("/api/v1/sources/import")
                    .contentType(MediaType.parseMediaType("text/x-opml"))
                    .bodyValue(opml)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(report).containsEntry("imported", 0);
            assertThat((List<Map<String, Object>>) report.get("skipped"))
                    .isNotEmpty()
                    .allSatisfy(sk -> assertThat(sk.get("reason")).isEqualTo("already in the catalogue"));
            anonymous
                    .get()
                    .uri("/api/v1/sources/export")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        } finally {
            client.delete()
                    .uri("/api/v1/sources/opml-red")
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            client.delete()
                    .uri("/api/v1/sources/opml-clear")
                    .exchange()
                    .expectStatus()
                    .isNoContent();
        }
    }
}
