package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.export.StixSchemas;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestClients;
import org.ewea.api.TestDataDirs;
import org.ewea.api.TestUsers;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user cleared to TLP:AMBER never sees TLP:AMBER+STRICT or TLP:RED material: items, their raw captures, the
 * evidence of scores. Items come in through the real capture pipeline from sources marked CLEAR, AMBER and RED.
 */
@SuppressWarnings("unchecked")
class TlpClearanceIntegrationTests {

    private static final Path DATA = TestDataDirs.create("tlp");
    private static RunningApplication app;
    private static WebTestClient amber;
    private static final List<String> CAPTURES = new ArrayList<>();

    private static String feed(String marking) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(marking)
                .append("</title>");
        for (int i = 0; i < 3; i++) {
            rss.append("<item><title>")
                    .append(marking)
                    .append(" report ")
                    .append(i)
                    .append(": ransomware crew exploits CVE-2026-4242</title><link>https://")
                    .append(marking)
                    .append(".example/r/")
                    .append(i)
                    .append("</link><description>Ransomware affiliates of the ")
                    .append(marking)
                    .append(" source.</description><pubDate>Mon, 0")
                    .append(2 + i)
                    .append(" Feb 2026 10:00:00 GMT</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    @BeforeAll
    static void start() throws Exception {
        app = RunningApplication.start(
                "ewea.data-dir=" + DATA, "ewea.demo-enabled=false", "ewea.collectors.scheduler-enabled=false");
        CaptureProcessor processor = app.bean(CaptureProcessor.class);
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.AMBER, Tlp.RED)) {
            String marking = tlp.name().toLowerCase(Locale.ROOT);
            byte[] body = feed(marking).getBytes(StandardCharsets.UTF_8);
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            CAPTURES.add(sha);
            processor.process(new Capture(
                    new SourceDefinition(
                            new SourceId("src-" + marking),
                            "feed",
                            marking,
                            null,
                            "en",
                            AdmiraltyGrade.parse("B2"),
                            tlp),
                    "test",
                    URI.create("https://" + marking + ".example/rss"),
                    Instant.parse("2026-02-05T00:00:00Z"),
                    "application/rss+xml",
                    body,
                    sha));
        }
        amber = TestUsers.create(
                app,
                app.client(),
                "amber",
                "{\"username\": \"amber\", \"roles\":" + " [\"ANALYST\"], \"maxTlp\": \"TLP:AMBER\"}");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> get(WebTestClient client, String uri) {
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
    void itemListingsHoldOnlyClearedItems() {
        Map<String, Object> admin = get(app.client(), "/api/v1/items?size=100");
        assertThat(admin).containsEntry("total", 9);
        Map<String, Object> cleared = get(amber, "/api/v1/items?size=100");
        assertThat(cleared).containsEntry("total", 6);
        List<Map<String, Object>> items = (List<Map<String, Object>>) cleared.get("items");
        assertThat(items).hasSize(6).extracting(i -> i.get("tlp")).containsOnly("TLP:CLEAR", "TLP:AMBER");
        assertThat(items.toString()).doesNotContain("red report").doesNotContain("red.example");
    }

    @Test
    void searchesAndTheirFacetsHoldOnlyClearedItems() {
        Map<String, Object> found = get(amber, "/api/v1/items?q=ransomware&size=100");
        assertThat(found).containsEntry("total", 6);
        assertThat(found.toString()).doesNotContain("red report", "red.example");
        Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) found.get("facets");
        assertThat(facets.get("source"))
                .extracting(f -> f.get("value"))
                .containsExactlyInAnyOrder("src-clear", "src-amber");
        assertThat(get(app.client(), "/api/v1/items?q=ransomware&size=100")).containsEntry("total", 9);
    }

    @Test
    void rawCapturesAboveTheClearanceAreNotFound() {
        amber.get()
                .uri("/api/v1/captures/" + CAPTURES.get(1))
                .exchange()
                .expectStatus()
                .isOk();
        amber.get()
                .uri("/api/v1/captures/" + CAPTURES.get(1) + "/raw")
                .exchange()
                .expectStatus()
                .isOk();
        amber.get()
                .uri("/api/v1/captures/" + CAPTURES.get(2))
                .exchange()
                .expectStatus()
                .isNotFound();
        amber.get()
                .uri("/api/v1/captures/" + CAPTURES.get(2) + "/raw")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("red report"));
        app.client()
                .get()
                .uri("/api/v1/captures/" + CAPTURES.get(2) + "/raw")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void scoreEvidenceHoldsOnlyClearedItems() {
        for (String kind : List.of("technology", "cve")) {
            List<Map<String, Object>> scores =
                    (List<Map<String, Object>>) get(amber, "/api/v1/scores?asOf=2026-02-05&size=100&kind=" + kind)
                            .get("items");
            assertThat(scores).isNotEmpty();
            for (Map<String, Object> view : scores) {
                assertThat((List<Map<String, Object>>) view.get("evidence"))
                        .isNotEmpty()
                        .allSatisfy(item -> assertThat(item.get("tlp")).isIn("TLP:CLEAR", "TLP:AMBER"));
            }
            List<Map<String, Object>> adminScores = (List<Map<String, Object>>)
                    get(app.client(), "/api/v1/scores?asOf=2026-02-05&size=100&kind=" + kind)
                            .get("items");
            assertThat(adminScores.toString()).contains("TLP:RED");
        }
    }

    @Test
    void alertsTheirEventsAndTheirRecommendationsHoldOnlyClearedOnes() {
        AlertRule rule =
                app.bean(RuleBook.class).find("stage-emerging").orElseThrow().rule();
        var raiser = app.bean(AlertRaiser.class);
        var planner = app.bean(ActionPlanner.class);
        List<String> ids = new ArrayList<>();
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.AMBER, Tlp.RED)) {
            String series = switch (tlp) {
                case CLEAR -> "drones";
                case AMBER -> "voice-cloning";
                default -> "deepfake-video";
            };
            var alert = raiser.raise(new Trigger(
                            rule,
                            new Subject("technology", series, series + " " + tlp.name() + " alert"),
                            series + " entered the emerging stage",
                            "marked " + tlp.label(),
                            0.6,
                            "emerging",
                            "P2",
                            "digital-fraud",
                            tlp,
                            Handling.NONE,
                            "C3",
                            List.of(),
                            Map.of(),
                            LocalDate.parse("2026-02-05")))
                    .alert();
            planner.plan(alert);
            ids.add(alert.id());
        }
        Map<String, Object> listed = get(amber, "/api/v1/alerts?size=100");
        assertThat(listed.toString()).contains("CLEAR alert", "AMBER alert").doesNotContain("RED alert");
        amber.get()
                .uri("/api/v1/alerts/" + ids.get(1))
                .exchange()
                .expectStatus()
                .isOk();
        amber.get()
                .uri("/api/v1/alerts/" + ids.get(2))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("RED alert"));
        amber.post()
                .uri("/api/v1/alerts/" + ids.get(2) + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"ACKNOWLEDGED\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(get(app.client(), "/api/v1/alerts?size=100").toString()).contains("RED alert");

        String recommendations = get(amber, "/api/v1/recommendations?size=100").toString();
        assertThat(recommendations).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
        assertThat(get(app.client(), "/api/v1/recommendations?size=100&alertId=" + ids.get(2)))
                .extractingByKey("total")
                .isNotEqualTo(0);

        List<String> streamed = amber.get()
                .uri("/api/v1/alerts/stream?lastEventId=0")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody()
                .filter(e -> e.data() != null)
                .take(Duration.ofSeconds(3))
                .map(e -> String.valueOf(e.data().get("alertId")))
                .collectList()
                .block();
        assertThat(streamed).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));

        Map<String, Object> digest = app.client()
                .post()
                .uri("/api/v1/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"audience\": \"analyst\", \"from\": \"2026-02-01\", \"to\": \"2026-02-05\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        String uri = "/api/v1/digests/" + digest.get("id") + ".html";
        String forAmber = amber.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String forAdmin = app.client()
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(forAdmin).contains("deepfake-video entered the emerging stage", "TLP:RED");
        assertThat(forAmber)
                .contains("voice-cloning entered the emerging stage", "not shown")
                .doesNotContain("deepfake-video entered", "TLP:RED");

        String stixForAmber = amber.get()
                .uri("/api/v1/exports/stix?from=2026-02-01&to=2026-02-10")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(stixForAmber)
                .contains("voice-cloning entered the emerging stage", "report")
                .doesNotContain("deepfake-video entered", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
        String stixForAdmin = app.client()
                .get()
                .uri("/api/v1/exports/stix?from=2026-02-01&to=2026-02-10")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(stixForAdmin).contains("deepfake-video entered", "marking-definition--e828b379");
        // what the API answers, as a receiver reads it, by the official OASIS STIX 2.1 schemas
        StixSchemas.find().ifPresent(schemas -> {
            assertThat(schemas.bundleErrors(stixForAmber))
                    .as("AMBER reader's export")
                    .isEmpty();
            assertThat(schemas.bundleErrors(stixForAdmin)).as("admin's export").isEmpty();
        });
        String mispForAmber = amber.get()
                .uri("/api/v1/exports/misp?from=2026-02-01&to=2026-02-10")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(mispForAmber).contains("tlp:amber").doesNotContain("tlp:red", "deepfake-video");
        amber.get()
                .uri("/api/v1/exports/stix?from=2026-03-01&to=2026-02-01")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(get(app.client(), "/api/v1/audit?size=200").toString()).contains("EXPORT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMispFeedIsReadAsMispPollsItWithOnlyTheEventsTheTokenIsClearedFor() throws Exception {
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.AMBER, Tlp.RED)) {
            raise("CVE-2026-77" + tlp.ordinal(), tlp);
        }
        String feed = "/api/v1/exports/misp-feed";
        Map<String, Object> adminManifest = get(app.client(), feed + "/manifest.json");
        Map<String, Object> manifest = get(amber, feed + "/manifest.json");
        assertThat(manifest).isNotEmpty();
        assertThat(adminManifest.size())
                .as("the RED events are the admin's only")
                .isGreaterThan(manifest.size());
        assertThat(manifest.toString()).doesNotContain("tlp:red");
        String hashes = amber.get()
                .uri(feed + "/hashes.csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Set<String> hashed = new HashSet<>();
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (String uuid : manifest.keySet()) {
            Map<String, Object> event = (Map<String, Object>)
                    get(amber, feed + "/" + uuid + ".json").get("Event");
            assertThat(event)
                    .containsEntry("uuid", uuid)
                    .containsEntry("timestamp", ((Map<String, Object>) manifest.get(uuid)).get("timestamp"));
            for (Map<String, Object> attribute : (List<Map<String, Object>>) event.get("Attribute")) {
                hashed.add(HexFormat.of()
                                .formatHex(
                                        md5.digest(((String) attribute.get("value")).getBytes(StandardCharsets.UTF_8)))
                        + "," + uuid);
            }
        }
        assertThat(Set.of(hashes.strip().split("\n")))
                .as("hashes.csv lists every attribute, MD5 and" + " event uuid")
                .isEqualTo(hashed);
        String redOnly = adminManifest.keySet().stream()
                .filter(uuid -> !manifest.containsKey(uuid))
                .findFirst()
                .orElseThrow();
        amber.get()
                .uri(feed + "/" + redOnly + ".json")
                .exchange()
                .expectStatus()
                .isNotFound();
        amber.get().uri(feed + "/not-a-uuid.json").exchange().expectStatus().isBadRequest();
        assertThat(get(app.client(), "/api/v1/audit?size=200").toString()).contains(feed);
    }

    /** Raises an alert about a CVE, marked {@code tlp}. */
    private static Alert raise(String cve, Tlp tlp) {
        AlertRule rule =
                app.bean(RuleBook.class).find("stage-emerging").orElseThrow().rule();
        return app.bean(AlertRaiser.class)
                .raise(new Trigger(
                        rule,
                        new Subject("cve", "cve:" + cve, cve),
                        cve + " " + tlp.name(),
                        "marked " + tlp.label(),
                        0.6,
                        "emerging",
                        "P2",
                        "digital-fraud",
                        tlp,
                        Handling.NONE,
                        "C3",
                        List.of(),
                        Map.of(),
                        LocalDate.parse("2026-02-05")))
                .alert();
    }

    private static Map<String, Object> taxii(WebTestClient client, String uri, List<String> headers) {
        var result = client.get()
                .uri(uri)
                .accept(MediaType.parseMediaType("application/taxii+json;version=2.1"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/taxii+json"))
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        headers.clear();
        Optional.ofNullable(result.getResponseHeaders().getFirst("X-TAXII-Date-Added-First"))
                .ifPresent(headers::add);
        Optional.ofNullable(result.getResponseHeaders().getFirst("X-TAXII-Date-Added-Last"))
                .ifPresent(headers::add);
        return result.getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaxiiClientPagesThroughTheCollectionsOfTheMarkingsItIsClearedFor() {
        for (int i = 0; i < 4; i++) {
            raise("CVE-2026-880" + i, Tlp.CLEAR);
        }
        raise("CVE-2026-8810", Tlp.AMBER);
        raise("CVE-2026-8820", Tlp.RED);
        List<String> headers = new ArrayList<>();
        // discovery, API root, collections: as a client finds its way
        Map<String, Object> discovery = taxii(amber, "/taxii2/", headers);
        String root = (String) discovery.get("default");
        assertThat((List<String>) discovery.get("api_roots")).containsExactly(root);
        String rootPath = URI.create(root).getPath();
        assertThat((List<String>) taxii(amber, rootPath, headers).get("versions"))
                .contains("application/taxii+json;version=2.1");
        List<Map<String, Object>> collections = (List<Map<String, Object>>)
                taxii(amber, rootPath + "collections/", headers).get("collections");
        assertThat(collections)
                .extracting(c -> c.get("title"))
                .as("CLEAR to AMBER, no RED")
                .anySatisfy(t -> assertThat((String) t).endsWith("TLP:CLEAR"))
                .anySatisfy(t -> assertThat((String) t).endsWith("TLP:AMBER"))
                .noneSatisfy(t -> assertThat((String) t).contains("RED"));
        assertThat(collections)
                .allSatisfy(c -> assertThat(c).containsEntry("can_read", true).containsEntry("can_write", false));
        Map<String, Object> clear = collections.stream()
                .filter(c -> ((String) c.get("title")).endsWith("TLP:CLEAR"))
                .findFirst()
                .orElseThrow();
        String objects = rootPath + "collections/" + clear.get("id") + "/objects/";
        // every object once, two at a time, following next
        List<Map<String, Object>> read = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page =
                    taxii(amber, objects + "?limit=2" + (next == null ? "" : "&next=" + next), headers);
            List<Map<String, Object>> got = (List<Map<String, Object>>) page.get("objects");
            assertThat(got).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            assertThat(headers).as("X-TAXII-Date-Added-First and -Last").hasSize(2);
            read.addAll(got);
            next = Boolean.TRUE.equals(page.get("more")) ? (String) page.get("next") : null;
            pages++;
        } while (next != null && pages < 100);
        assertThat(pages).isGreaterThan(2);
        List<Object> ids = read.stream().map(o -> o.get("id")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(read)
                .filteredOn(o -> o.get("type").equals("report"))
                .extracting(o -> o.get("name"))
                .contains("CVE-2026-8800 CLEAR", "CVE-2026-8803 CLEAR")
                .doesNotContain("CVE-2026-8810 AMBER");
        // the manifest lists the same objects with their versions
        Map<String, Object> manifest =
                taxii(amber, rootPath + "collections/" + clear.get("id") + "/manifest/?limit=1000", headers);
        assertThat((List<Map<String, Object>>) manifest.get("objects"))
                .extracting(m -> m.get("id"))
                .containsExactlyElementsOf(ids);
        assertThat((List<Map<String, Object>>) manifest.get("objects"))
                .allSatisfy(m -> assertThat(m)
                        .containsKeys("date_added", "version")
                        .containsEntry("media_type", "application/stix+json;version=2.1"));
        // added_after: only what came later
        String last = (String)
                ((List<Map<String, Object>>) manifest.get("objects")).getLast().get("date_added");
        assertThat((List<Object>)
                        taxii(amber, objects + "?added_after=" + last, headers).get("objects"))
                .isEmpty();
        // one object, and a type filter
        String report = (String) read.stream()
                .filter(o -> o.get("type").equals("report"))
                .findFirst()
                .orElseThrow()
                .get("id");
        assertThat((List<Map<String, Object>>)
                        taxii(amber, objects + report + "/", headers).get("objects"))
                .singleElement()
                .satisfies(o -> assertThat(o).containsEntry("id", report));
        assertThat((List<Map<String, Object>>) taxii(amber, objects + "?match[type]=report&limit=1000", headers)
                        .get("objects"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o).containsEntry("type", "report"));
        // what a receiver reads validates by the official OASIS STIX 2.1 schemas
        StixSchemas.find()
                .ifPresent(schemas -> assertThat(schemas.bundleErrors(JsonMapper.builder()
                                .build()
                                .writeValueAsString(Map.of(
                                        "type", "bundle", "id", "bundle--" + UUID.randomUUID(), "objects", read))))
                        .isEmpty());
        // the RED collection is not the AMBER reader's; bad parameters are named
        String red = collectionId(app.client(), "TLP:RED");
        amber.get()
                .uri(rootPath + "collections/" + red + "/objects/")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(((List<Map<String, Object>>)
                                taxii(app.client(), rootPath + "collections/" + red + "/objects/?limit=1000", headers)
                                        .get("objects"))
                        .stream().map(o -> o.get("name")))
                .contains("CVE-2026-8820 RED");
        amber.get().uri(objects + "?limit=0").exchange().expectStatus().isBadRequest();
        amber.get()
                .uri(objects + "?added_after=yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest();
        amber.get().uri(objects + "?next=garbage").exchange().expectStatus().isBadRequest();
        anonymous().get().uri("/taxii2/").exchange().expectStatus().isUnauthorized();
        assertThat(get(app.client(), "/api/v1/audit?size=500").toString()).contains("/taxii2/ewea/collections/");
    }

    @SuppressWarnings("unchecked")
    private static String collectionId(WebTestClient client, String marking) {
        return (String) ((List<Map<String, Object>>) taxii(client, "/taxii2/ewea/collections/", new ArrayList<>())
                        .get("collections"))
                .stream()
                        .filter(c -> ((String) c.get("title")).endsWith(marking))
                        .findFirst()
                        .orElseThrow()
                        .get("id");
    }

    private static WebTestClient anonymous() {
        return TestClients.forPort(Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port")));
    }
}
