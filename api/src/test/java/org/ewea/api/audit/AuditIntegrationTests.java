package org.ewea.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ewea.api.LiveApplicationTests;
import org.ewea.api.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The audit trail records requests, chains them, and shows tampering. */
@SuppressWarnings("unchecked")
class AuditIntegrationTests extends LiveApplicationTests {

    @Autowired
    MongoDatabase database;

    @Autowired
    AuditLog audit;

    private List<Map<String, Object>> newest(int n) {
        return (List<Map<String, Object>>)
                getJsonObject("/api/v1/audit?size=" + n).get("items");
    }

    @Test
    void recordsWhoDidWhatWithTheStatusAnswered() {
        client.get()
                .uri("/api/v1/items?size=1&page=2")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/api/v1/methodology/technologies?q=stimmklonen")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/api/v1/scores?size=0").exchange().expectStatus().isBadRequest();
        client.post()
                .uri("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        anonymous.get().uri("/api/v1/items").exchange().expectStatus().isUnauthorized();

        // each request is recorded once answered, so two requests in a row may be recorded in either order
        List<Map<String, Object>> entries = newest(6);
        assertThat(entries)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("user", "admin")
                        .containsEntry("action", "CHANGE")
                        .containsEntry("method", "POST")
                        .containsEntry("path", "/api/v1/models")
                        .containsEntry("status", 422));
        assertThat(entries)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "READ")
                        .containsEntry("path", "/api/v1/scores")
                        .containsEntry("query", "size=0")
                        .containsEntry("status", 400));
        assertThat(entries)
                .anySatisfy(
                        e -> assertThat(e).containsEntry("action", "SEARCH").containsEntry("query", "q=stimmklonen"));
        assertThat(entries)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "READ")
                        .containsEntry("path", "/api/v1/items")
                        .containsEntry("query", "size=1&page=2")
                        .containsEntry("status", 200));
        assertThat(entries).noneSatisfy(e -> assertThat(e.get("status")).isEqualTo(401));
        for (int i = 0; i + 1 < entries.size(); i++) {
            assertThat(((Number) entries.get(i).get("seq")).longValue())
                    .isEqualTo(((Number) entries.get(i + 1).get("seq")).longValue() + 1);
            assertThat(entries.get(i).get("previous"))
                    .isEqualTo(entries.get(i + 1).get("hash"));
        }
    }

    @Test
    void theChainVerifiesAndATamperedEntryIsFound() {
        client.get().uri("/api/v1/me").exchange().expectStatus().isOk();
        assertThat(audit.verify().intact()).isTrue();
        Map<String, Object> entry = newest(1).getFirst();
        long seq = ((Number) entry.get("seq")).longValue();
        try {
            database.getCollection(AuditLog.COLLECTION)
                    .updateOne(Filters.eq("_id", seq), Updates.set("user", "someone-else"));
            AuditLog.Verification verification = audit.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBroken()).isEqualTo(seq);
            assertThat(getJsonObject("/api/v1/audit/verify"))
                    .containsEntry("intact", false)
                    .containsEntry("firstBroken", (int) seq);
        } finally {
            database.getCollection(AuditLog.COLLECTION)
                    .updateOne(Filters.eq("_id", seq), Updates.set("user", entry.get("user")));
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Autowired
    AuditAnchor anchor;

    @Test
    void deletingTheNewestEntriesIsFoundByTheAnchorKeptOutsideTheStore() {
        client.get().uri("/api/v1/me").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/me").exchange().expectStatus().isOk();
        var mark = anchor.read().orElseThrow();
        assertThat(audit.verify(mark).intact()).isTrue();
        var collection = database.getCollection(AuditLog.COLLECTION);
        List<Document> tail = new ArrayList<>();
        collection.find(Filters.gte("_id", mark.seq() - 1)).into(tail);
        try {
            collection.deleteMany(Filters.gte("_id", mark.seq() - 1));
            assertThat(audit.verify().intact())
                    .as("without the anchor, a cut tail looks intact")
                    .isTrue();
            AuditLog.Verification verification = audit.verify(mark);
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBroken()).isEqualTo(mark.seq() - 1);
        } finally {
            collection.insertMany(tail);
        }
        assertThat(audit.verify(mark).intact()).isTrue();
    }

    @Test
    void onlyAnAdminReadsTheTrail() {
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"auditee\", \"roles\": [\"ANALYST\"]}")
                .exchange()
                .expectStatus()
                .isCreated();
        String secret = (String) client.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"t\", \"username\": \"auditee\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("secret");
        TestClients.forPort(port, secret)
                .get()
                .uri("/api/v1/audit")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
