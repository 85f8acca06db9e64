package org.ewea.api.items;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bson.Document;
import org.ewea.api.LiveApplicationTests;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.store.EventLoopGuard;
import org.ewea.api.store.ThreadRecordingCommandListener;
import org.ewea.collectors.normalise.Digests;
import org.ewea.scoring.relevance.ItemRelevance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The whole application on a random port, on the embedded store, with the bundled demo recording. */
class ItemsApiIntegrationTests extends LiveApplicationTests {

    @Autowired
    ThreadRecordingCommandListener commands;

    @Autowired
    EventLoopGuard guard;

    @Autowired
    MongoDatabase database;

    @Autowired
    ItemRelevance relevance;

    private Map<String, Object> page(String query) {
        return getJsonObject("/api/v1/items" + query);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheDemoItemsNewestFirstInThePageShape() {
        Map<String, Object> first = page("?page=0&size=20");
        assertThat(first).containsOnlyKeys("items", "page", "size", "total");
        assertThat(first).containsEntry("page", 0).containsEntry("size", 20);
        assertThat(((Number) first.get("total")).longValue()).isEqualTo(DEMO_ITEMS);
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
        assertThat(items).hasSize(20);
        assertThat(items.getFirst())
                .containsKeys(
                        "id",
                        "sourceId",
                        "url",
                        "title",
                        "text",
                        "language",
                        "published",
                        "captured",
                        "grading",
                        "tlp",
                        "contentHash",
                        "provenance");
        assertThat(items.getFirst())
                .containsEntry("sourceId", "cisa-kev")
                .containsEntry("grading", "A1")
                .containsEntry("tlp", "TLP:CLEAR");
        List<Map<String, Object>> entities =
                (List<Map<String, Object>>) items.getFirst().get("entities");
        assertThat(entities).anySatisfy(e -> assertThat(e).containsEntry("type", "cve"));
        assertThat((String) items.getFirst().get("methodologyVersion")).startsWith("2026.11+");
        List<Instant> times = items.stream()
                .map(i -> Instant.parse((String) i.get("published")))
                .toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

        Map<String, Object> second = page("?page=1&size=20");
        List<Map<String, Object>> next = (List<Map<String, Object>>) second.get("items");
        assertThat(next)
                .extracting(i -> i.get("id"))
                .doesNotContainAnyElementsOf(
                        items.stream().map(i -> i.get("id")).toList());
        assertThat(Instant.parse((String) next.getFirst().get("published"))).isBeforeOrEqualTo(times.getLast());
    }

    @Test
    @SuppressWarnings("unchecked")
    void tracesAnItemBackToTheExactBytesCaptured() throws Exception {
        Map<String, Object> item = ((List<Map<String, Object>>) page("?size=1").get("items")).getFirst();
        String sha256 = (String) ((Map<String, Object>) item.get("provenance")).get("rawSha256");
        client.get()
                .uri("/api/v1/captures/" + sha256)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sourceId")
                .isEqualTo("cisa-kev")
                .jsonPath("$.contentType")
                .isEqualTo("application/rss+xml");
        byte[] raw = client.get()
                .uri("/api/v1/captures/" + sha256 + "/raw")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-EWEA-Captured-Content-Type", "application/rss+xml")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)))
                .isEqualTo(sha256);
        client.get()
                .uri("/api/v1/captures/not-a-hash")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get()
                .uri("/api/v1/captures/" + "0".repeat(64))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyItemIsScoredForRelevanceAndCanBeFilteredByIt() {
        String model = relevance.modelId();
        long unscored = database.getCollection("items").countDocuments(Filters.ne("relevance.model", model));
        assertThat(unscored).as("scored online as the demo was imported").isZero();
        Map<String, Object> page = getJsonObject("/api/v1/items?size=5&minRelevance=0.5");
        long relevant = ((Number) page.get("total")).longValue();
        assertThat(relevant).isBetween(1L, DEMO_ITEMS - 1);
        assertThat(relevant)
                .isEqualTo(database.getCollection("items").countDocuments(Filters.gte("relevance.probability", 0.5)));
        assertThat((List<Map<String, Object>>) page.get("items")).allSatisfy(item -> {
            Map<String, Object> relevance = (Map<String, Object>) item.get("relevance");
            assertThat(((Number) relevance.get("probability")).doubleValue()).isGreaterThanOrEqualTo(0.5);
            assertThat(relevance).containsEntry("model", model);
        });
    }

    @Test
    void usesDefaultsAndAnswersAnEmptyPagePastTheEnd() {
        assertThat(page("")).containsEntry("page", 0).containsEntry("size", 20);
        Map<String, Object> beyond = page("?page=1000&size=200");
        assertThat(beyond.get("items"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .isEmpty();
        assertThat(((Number) beyond.get("total")).longValue()).isEqualTo(DEMO_ITEMS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            size=-1      | size | size=-1: must be between 1 and 200
            size=0       | size | size=0: must be between 1 and 200
            size=100000  | size | size=100000: must be between 1 and 200
            page=-1      | page | page=-1: must be between 0 and 1000000
            page=9999999 | page | page=9999999: must be between 0 and 1000000
            size=abc     | size | size=abc: must be a whole number
            page=1.5     | page | page=1.5: must be a whole number
            minRelevance=1.5 | minRelevance | minRelevance=1.5: must be between 0 and 1
            minRelevance=-0.1 | minRelevance | minRelevance=-0.1: must be between 0 and 1
            """)
    void rejectsInvalidPagingWithProblemDetailsNamingTheParameter(String query, String parameter, String message) {
        client.get()
                .uri("/api/v1/items?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:invalid-parameter")
                .jsonPath("$.title")
                .isEqualTo("Invalid request parameter")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .isEqualTo(message + ".")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/items")
                .jsonPath("$.errors[0].name")
                .isEqualTo(parameter)
                .jsonPath("$.errors[0].message")
                .isEqualTo(message);
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblemDetails() {
        client.get()
                .uri("/api/v1/no-such-thing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:not-found")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/no-such-thing");
        client.delete()
                .uri("/api/v1/items")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "GET")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:method-not-allowed");
    }

    @Test
    void reportsHealthUpAndServesTheOpenApiDescription() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/items'].get")
                .exists()
                .jsonPath("$.openapi")
                .value(version -> assertThat((String) version).startsWith("3."))
                .jsonPath("$.paths['/ui/digests/{id}.pdf']")
                .doesNotExist()
                .jsonPath("$.paths['/api/v1/alerts/{id}/transitions'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/exports/stix'].get")
                .exists();
    }

    @Test
    void runsEveryStoreCallOfARequestOnTheStorePoolNeverOnTheEventLoop() {
        commands.clear();
        long before = guard.violations();
        page("?page=3&size=50");
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertThat(commands.calls())
                .extracting(ThreadRecordingCommandListener.Call::command)
                .contains("find", "count");
        // background jobs (the alert feed, evaluation and delivery, the exercise runner, schedulers) poll the store
        // on threads of their own meanwhile; what matters is that no call runs on an event-loop thread
        assertThat(commands.calls())
                .filteredOn(c -> !c.command().equals("ping"))
                .noneSatisfy(call -> assertThat(call.thread()).startsWith("reactor-"));
        assertThat(commands.calls())
                .filteredOn(c -> c.thread().startsWith(BlockingStore.THREAD_PREFIX))
                .extracting(ThreadRecordingCommandListener.Call::command)
                .contains("find", "count");
        assertThat(guard.violations()).isEqualTo(before);
    }

    @Test
    void theGuardSeesACommandIssuedFromANonBlockingThread() {
        long before = guard.violations();
        // A NonBlocking thread of our own, like a Netty event loop: this is the mistake the guard catches.
        Scheduler nonBlocking = Schedulers.newParallel("guard-test", 1);
        try {
            Mono.fromCallable(() -> database.runCommand(new Document("ping", 1)))
                    .subscribeOn(nonBlocking)
                    .block();
        } finally {
            nonBlocking.dispose();
        }
        assertThat(guard.violations()).isEqualTo(before + 1);
    }

    @Test
    void keepsTheEmbeddedStoreInTheDataDirectory() {
        assertThat(Files.exists(DATA.resolve("ewea-store.mv.db"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneItemComesWithItsSourceStoryAndRawCapture() {
        Map<String, Object> page = getJsonObject("/api/v1/items?size=1");
        Map<String, Object> listed = ((List<Map<String, Object>>) page.get("items")).getFirst();
        String id = (String) listed.get("id");
        Map<String, Object> detail = getJsonObject("/api/v1/items/" + id);
        Map<String, Object> item = (Map<String, Object>) detail.get("item");
        assertThat(item.get("id")).isEqualTo(id);
        assertThat(item.get("title")).isEqualTo(listed.get("title"));
        assertThat(((Map<String, Object>) detail.get("source")).get("id")).isEqualTo(item.get("sourceId"));
        List<Map<String, Object>> story = (List<Map<String, Object>>) detail.get("story");
        assertThat(story).anySatisfy(m -> assertThat(m).containsEntry("id", id).containsEntry("self", true));
        Map<String, Object> capture = (Map<String, Object>) detail.get("capture");
        String sha = (String) ((Map<String, Object>) item.get("provenance")).get("rawSha256");
        assertThat(capture).containsEntry("sha256", sha).containsEntry("kept", true);
        byte[] raw = client.get()
                .uri((String) capture.get("raw"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(Digests.sha256Hex(raw)).isEqualTo(sha);
        client.get()
                .uri("/api/v1/items/0123456789abcdef0123456789abcdef")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
        client.get().uri("/api/v1/items/not-an-id").exchange().expectStatus().isNotFound();
        anonymous.get().uri("/api/v1/items/" + id).exchange().expectStatus().isUnauthorized();
    }
}
