package org.ewea.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit chain on the embedded store, appended to by several writers at once (as several instances would). */
class AuditLogTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final byte[] KEY = "a key of thirty-two bytes, ok!!!".getBytes(StandardCharsets.UTF_8);

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        var database = STORE.freshDatabase();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-22T10:00:00Z"));
        List<AuditLog> writers = List.of(
                new AuditLog(database, clock, KEY),
                new AuditLog(database, clock, KEY),
                new AuditLog(database, clock, KEY),
                new AuditLog(database, clock, KEY));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                AuditLog log = writers.get(w);
                String user = "user" + w;
                tasks.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append(user, "READ", "GET", "/api/v1/items", "page=" + i, 200);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditLog.Verification verification = writers.getFirst().verify();
        assertThat(verification.entries()).isEqualTo(200);
        assertThat(verification.intact()).isTrue();
        assertThat(writers.getFirst().page(0, 1).getFirst().seq()).isEqualTo(200);
    }

    @Test
    void anEmptyTrailIsIntactAndTheFirstEntryStartsFromZeros() {
        AuditLog log = new AuditLog(STORE.freshDatabase(), InstantSource.fixed(Instant.EPOCH), KEY);
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(0, true, null, 0));
        AuditEntry first = log.append("admin", "CHANGE", "POST", "/api/v1/users", null, 201);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previous()).isEqualTo("0".repeat(64));
        assertThat(first.hash()).hasSize(64).isNotEqualTo(first.previous());
    }

    @Test
    void someoneWithoutTheKeyCannotRewriteTheChainEvenRecomputingItsHashes() {
        var database = STORE.freshDatabase();
        AuditLog log = new AuditLog(database, InstantSource.fixed(Instant.EPOCH), KEY);
        for (int i = 0; i < 3; i++) {
            log.append("ana", "READ", "GET", "/api/v1/items", "page=" + i, 200);
        }
        assertThat(log.verify().intact()).isTrue();
        var audit = database.getCollection(AuditLog.COLLECTION);
        // rewrite the last entry's user and recompute its (unkeyed) hash, as a store writer without the key would
        var last = audit.find(Filters.eq("_id", 3L)).first();
        String forged = AuditLog.hash(
                last.getString("previous"), 3, Instant.EPOCH, "mallory", "READ", "GET", "/api/v1/items", "page=2", 200);
        audit.updateOne(
                Filters.eq("_id", 3L),
                Updates.combine(Updates.set("user", "mallory"), Updates.set("hash", forged), Updates.unset("mac")));
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(3, false, 3L, 0));
        assertThat(new AuditLog(
                                database,
                                InstantSource.fixed(Instant.EPOCH),
                                "another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8))
                        .verify()
                        .firstBroken())
                .isEqualTo(1L);
    }

    @Test
    void entriesFromBeforeTheKeyAreCountedAndAcceptedOnlyAtTheStart() {
        var database = STORE.freshDatabase();
        var audit = database.getCollection(AuditLog.COLLECTION);
        String h1 = AuditLog.hash(AuditLog.GENESIS, 1, Instant.EPOCH, "admin", "READ", "GET", "/p", null, 200);
        audit.insertOne(new Document("_id", 1L)
                .append("time", Date.from(Instant.EPOCH))
                .append("user", "admin")
                .append("action", "READ")
                .append("method", "GET")
                .append("path", "/p")
                .append("query", null)
                .append("status", 200)
                .append("previous", AuditLog.GENESIS)
                .append("hash", h1));
        AuditLog log = new AuditLog(database, InstantSource.fixed(Instant.EPOCH), KEY);
        log.append("admin", "READ", "GET", "/q", null, 200);
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(2, true, null, 1));
    }
}
