package org.ewea.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.Assertions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.api.LiveApplicationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The signal series against the stored demo items they are counted from. */
class SignalsApiIntegrationTests extends LiveApplicationTests {

    @Autowired
    MongoDatabase database;

    /** Stored items matching the filter, counted per UTC day of their listing time, straight from the store. */
    private TreeMap<LocalDate, Integer> storedPerDay(Bson filter) {
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        for (Document item : database.getCollection("items").find(filter)) {
            LocalDate day = item.get("time", Date.class)
                    .toInstant()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate();
            days.merge(day, 1, Integer::sum);
        }
        return days;
    }

    private TreeMap<LocalDate, Integer> storedMentions(String technology) {
        return storedPerDay(Filters.eq("annotations.tags.technology", technology));
    }

    private Map<String, Object> series(String query) {
        return getJsonObject("/api/v1/technologies/" + query);
    }

    @Test
    @SuppressWarnings("unchecked")
    void dailyCountsAreTheStoredItemsTaggedWithTheTechnology() {
        TreeMap<LocalDate, Integer> expected = storedMentions("ransomware");
        assertThat(expected).as("the demo recording mentions ransomware").hasSizeGreaterThan(10);
        LocalDate to = expected.lastKey();
        LocalDate from = to.minusDays(SignalsController.MAX_DAYS - 1);
        Map<String, Object> body = series("ransomware/signals?from=" + from + "&to=" + to);
        assertThat(body)
                .containsEntry("series", "ransomware")
                .containsEntry("interval", "day")
                .containsEntry("firstSeen", expected.firstKey().toString());
        List<Map<String, Object>> points = (List<Map<String, Object>>) body.get("points");
        assertThat(points).hasSize(SignalsController.MAX_DAYS);
        assertThat(points.getFirst()).containsEntry("day", from.toString());
        for (Map<String, Object> p : points) {
            LocalDate day = LocalDate.parse((String) p.get("day"));
            int count = ((Number) p.get("count")).intValue();
            assertThat(count).as("mentions on %s", day).isEqualTo(expected.getOrDefault(day, 0));
            double weighted = ((Number) p.get("weighted")).doubleValue();
            int sources = ((Number) p.get("sources")).intValue();
            long before = 0;
            for (int back = 1; back <= 28; back++) {
                before += expected.getOrDefault(day.minusDays(back), 0);
            }
            assertThat(((Number) p.get("baseline")).doubleValue())
                    .as("baseline on %s", day)
                    .isCloseTo(before / 28.0, Assertions.within(1e-9));
            if (before == 0) {
                assertThat(p.get("growth"))
                        .as("no growth over a zero baseline on %s", day)
                        .isNull();
            } else {
                assertThat(((Number) p.get("growth")).doubleValue())
                        .as("growth on %s", day)
                        .isCloseTo(count / (before / 28.0), Assertions.within(1e-9));
            }
            assertThat(((Number) p.get("allItems")).longValue()).isGreaterThanOrEqualTo(count);
            assertThat(p.get("burst")).isInstanceOf(Boolean.class);
            if (count == 0) {
                assertThat(weighted).isZero();
                assertThat(sources).isZero();
            } else {
                assertThat(weighted)
                        .as("grade weights lie in (0, 1]")
                        .isGreaterThan(0)
                        .isLessThanOrEqualTo(count);
                assertThat(sources).isBetween(1, count);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void weeklyPointsStartOnMondayAndAddUpTheDays() {
        TreeMap<LocalDate, Integer> expected = storedMentions("ransomware");
        LocalDate to = expected.lastKey();
        LocalDate from = to.minusDays(120).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Map<String, Object>> days =
                (List<Map<String, Object>>) series("ransomware/signals?interval=day&from=" + from + "&to=" + to)
                        .get("points");
        List<Map<String, Object>> weeks =
                (List<Map<String, Object>>) series("ransomware/signals?interval=week&from=" + from + "&to=" + to)
                        .get("points");
        assertThat(weeks)
                .allSatisfy(
                        w -> assertThat(LocalDate.parse((String) w.get("day")).getDayOfWeek())
                                .isEqualTo(DayOfWeek.MONDAY));
        int dayTotal = days.stream()
                .mapToInt(p -> ((Number) p.get("count")).intValue())
                .sum();
        int weekTotal = weeks.stream()
                .mapToInt(p -> ((Number) p.get("count")).intValue())
                .sum();
        assertThat(weekTotal).isEqualTo(dayTotal).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCveHasItsOwnSeriesCountedFromTheItemsThatMentionIt() {
        Document mentioning = database.getCollection("items")
                .find(Filters.eq("annotations.entities.type", "cve"))
                .first();
        assertThat(mentioning).as("the demo mentions CVEs").isNotNull();
        String cve = ((Document) mentioning.get("annotations"))
                .getList("entities", Document.class).stream()
                        .filter(e -> "cve".equals(e.getString("type")))
                        .findFirst()
                        .orElseThrow()
                        .getString("value");
        TreeMap<LocalDate, Integer> expected = storedPerDay(Filters.elemMatch(
                "annotations.entities", Filters.and(Filters.eq("type", "cve"), Filters.eq("value", cve))));
        LocalDate to = expected.lastKey();
        Map<String, Object> body = getJsonObject("/api/v1/entities/cve/" + cve.toLowerCase(Locale.ROOT)
                + "/signals?from=" + to.minusDays(700) + "&to=" + to);
        assertThat(body)
                .containsEntry("series", "cve:" + cve)
                .containsEntry("firstSeen", expected.firstKey().toString());
        List<Map<String, Object>> points = (List<Map<String, Object>>) body.get("points");
        for (Map<String, Object> p : points) {
            LocalDate day = LocalDate.parse((String) p.get("day"));
            assertThat(((Number) p.get("count")).intValue())
                    .as("%s on %s", cve, day)
                    .isEqualTo(expected.getOrDefault(day, 0));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "cve/CVE-1999-99999999, value",
        "cve/not-a-cve, value",
        "bitcoin/1BoatSLRHtKNngkdXEeobR76b53LETtpyT, type",
        "attack-group/X0001, value"
    })
    void badEntitiesAreProblems(String path, String field) {
        client.get()
                .uri("/api/v1/entities/" + path + "/signals")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }

    @Test
    void anEntityNeverMentionedIsNotFound() {
        client.get()
                .uri("/api/v1/entities/cve/CVE-1999-0001/signals")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownTechnologyIsNotFound() {
        client.get()
                .uri("/api/v1/technologies/no-such-thing/signals")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @CsvSource({
        "interval=month, interval",
        "from=2026-13-01, from",
        "to=yesterday, to",
        "from=2026-05-02&to=2026-05-01, from",
        "from=2020-01-01&to=2026-01-01, from"
    })
    void badParametersAreProblems(String query, String field) {
        client.get()
                .uri("/api/v1/technologies/ransomware/signals?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/technologies/{id}/signals'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/entities/{type}/{value}/signals'].get")
                .exists();
    }
}
