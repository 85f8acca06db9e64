package org.ewea.api.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.ewea.collectors.normalise.Digests;
import org.jspecify.annotations.Nullable;

/**
 * The {@code audit} collection: entries keyed by their position in the chain, each holding the SHA-256 of the one
 * before and its own over that and its fields, so that changing, removing or reordering any entry breaks every hash
 * after it ({@link #verify}). Appending reads the last entry and inserts the next position; an instance that loses
 * the race to another (duplicate key) reads again and retries, so several instances keep one chain. The service
 * only ever inserts. All calls block.
 *
 * <p>The hashes are keyed (HMAC-SHA256) with a key the store does not hold (derived from the secrets key file), so
 * whoever can write the store, through its port or its files, cannot recompute a chain over entries they changed or
 * removed. Entries written before the chain was keyed ({@code mac} absent) are plain SHA-256 and are accepted only
 * before the first keyed entry; {@link Verification#unkeyed} counts them.
 */
public final class AuditLog {

    public static final String COLLECTION = "audit";
    static final String GENESIS = "0".repeat(64);

    /** The result of checking the chain. */
    public record Verification(
            long entries, boolean intact, @Nullable Long firstBroken, long unkeyed) {}

    static final String MAC = "hmac-sha256";

    private final MongoCollection<Document> audit;
    private final InstantSource clock;
    private final SecretKeySpec key;

    /** @param key the chain's key (32 bytes, kept outside the store) */
    public AuditLog(MongoDatabase database, InstantSource clock, byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the audit chain's key needs 32 bytes");
        }
        this.audit = database.getCollection(COLLECTION);
        this.clock = clock;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public AuditEntry append(
            String user, String action, String method, String path, @Nullable String query, int status) {
        Instant time = clock.instant();
        for (int attempt = 0; ; attempt++) {
            Document last = audit.find().sort(Sorts.descending("_id")).limit(1).first();
            long seq = last == null ? 1 : last.getLong("_id") + 1;
            String previous = last == null ? GENESIS : last.getString("hash");
            String hash = mac(previous, seq, time, user, action, method, path, query, status);
            try {
                audit.insertOne(new Document("_id", seq)
                        .append("time", Date.from(time))
                        .append("user", user)
                        .append("action", action)
                        .append("method", method)
                        .append("path", path)
                        .append("query", query)
                        .append("status", status)
                        .append("previous", previous)
                        .append("hash", hash)
                        .append("mac", MAC));
                return new AuditEntry(seq, time, user, action, method, path, query, status, previous, hash);
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Entries, newest first. */
    public List<AuditEntry> page(int page, int size) {
        List<AuditEntry> entries = new ArrayList<>(size);
        audit.find()
                .sort(Sorts.descending("_id"))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .forEach(d -> entries.add(entry(d)));
        return entries;
    }

    public long count() {
        return audit.countDocuments();
    }

    /** As {@link #verify(AuditAnchor.Mark)} without an anchor. */
    public Verification verify() {
        return verify(null);
    }

    /**
     * Recomputes every hash in order: intact, or the first entry whose hash or link does not hold. With an anchor
     * (the newest entry seen, kept outside the store), a chain that stops before it, or holds another entry there,
     * has lost its tail: not intact, broken at the anchor's position.
     */
    public Verification verify(AuditAnchor.@Nullable Mark anchor) {
        String previous = GENESIS;
        long expected = 1;
        long entries = 0;
        long unkeyed = 0;
        boolean keyed = false;
        for (Document d : audit.find().sort(Sorts.ascending("_id"))) {
            AuditEntry e = entry(d);
            entries++;
            boolean hasMac = MAC.equals(d.getString("mac"));
            keyed |= hasMac;
            String recomputed = hasMac
                    ? mac(
                            e.previous(),
                            e.seq(),
                            e.time(),
                            e.user(),
                            e.action(),
                            e.method(),
                            e.path(),
                            e.query(),
                            e.status())
                    : hash(
                            e.previous(),
                            e.seq(),
                            e.time(),
                            e.user(),
                            e.action(),
                            e.method(),
                            e.path(),
                            e.query(),
                            e.status());
            // an unkeyed entry after a keyed one was written by someone without the key
            if (e.seq() != expected
                    || !e.previous().equals(previous)
                    || !e.hash().equals(recomputed)
                    || (keyed && !hasMac)) {
                return new Verification(entries, false, e.seq(), unkeyed);
            }
            if (!hasMac) {
                unkeyed++;
            }
            if (anchor != null && e.seq() == anchor.seq() && !e.hash().equals(anchor.hash())) {
                return new Verification(entries, false, e.seq(), unkeyed);
            }
            previous = e.hash();
            expected++;
        }
        if (anchor != null && expected - 1 < anchor.seq()) {
            return new Verification(entries, false, expected, unkeyed);
        }
        return new Verification(entries, true, null, unkeyed);
    }

    private static AuditEntry entry(Document d) {
        return new AuditEntry(
                d.getLong("_id"),
                d.getDate("time").toInstant(),
                d.getString("user"),
                d.getString("action"),
                d.getString("method"),
                d.getString("path"),
                d.getString("query"),
                d.getInteger("status"),
                d.getString("previous"),
                d.getString("hash"));
    }

    private String mac(
            String previous,
            long seq,
            Instant time,
            String user,
            String action,
            String method,
            String path,
            @Nullable String query,
            int status) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of()
                    .formatHex(mac.doFinal(canonical(previous, seq, time, user, action, method, path, query, status)
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private static String canonical(
            String previous,
            long seq,
            Instant time,
            String user,
            String action,
            String method,
            String path,
            @Nullable String query,
            int status) {
        // fields joined by a separator no field can contain (paths and queries are percent-encoded)
        return String.join(
                "\u001f",
                previous,
                Long.toString(seq),
                Long.toString(time.toEpochMilli()),
                user,
                action,
                method,
                path,
                query == null ? "" : query,
                Integer.toString(status));
    }

    /** The unkeyed hash of entries written before the chain was keyed. */
    static String hash(
            String previous,
            long seq,
            Instant time,
            String user,
            String action,
            String method,
            String path,
            @Nullable String query,
            int status) {
        // fields joined by a separator no field can contain (paths and queries are percent-encoded)
        String canonical = String.join(
                "\u001f",
                previous,
                Long.toString(seq),
                Long.toString(time.toEpochMilli()),
                user,
                action,
                method,
                path,
                query == null ? "" : query,
                Integer.toString(status));
        return Digests.sha256Hex(canonical);
    }
}
