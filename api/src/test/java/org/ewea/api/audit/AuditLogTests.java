package org.ewea.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit chain on the embedded store, appended to by several writers at once (as several instances would). */
class AuditLogTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        var database = STORE.freshDatabase();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-22T10:00:00Z"));
        List<AuditLog> writers = List.of(new AuditLog(database, clock), new AuditLog(database, clock),
                new AuditLog(database, clock), new AuditLog(database, clock));
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
        AuditLog log = new AuditLog(STORE.freshDatabase(), InstantSource.fixed(Instant.EPOCH));
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(0, true, null));
        AuditEntry first = log.append("admin", "CHANGE", "POST", "/api/v1/users", null, 201);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previous()).isEqualTo("0".repeat(64));
        assertThat(first.hash()).hasSize(64).isNotEqualTo(first.previous());
    }
}
