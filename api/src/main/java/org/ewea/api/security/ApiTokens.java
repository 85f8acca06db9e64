package org.ewea.api.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.ewea.collectors.normalise.Digests;
import org.jspecify.annotations.Nullable;

/**
 * API tokens in the {@code api_tokens} collection. A token reads {@code ewea_<id>_<secret>}: 12 hex digits of id
 * and 256 random bits of secret (base64url). Only the SHA-256 of the secret is stored (a fast hash is right for a
 * secret of this entropy; passwords, which are not, get a slow one), compared in constant time. The secret is shown
 * once, when the token is issued. All calls block.
 */
public final class ApiTokens {

    public static final String COLLECTION = "api_tokens";
    private static final Pattern FORM = Pattern.compile("ewea_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    /** A token just issued, with its secret. */
    public record Issued(ApiToken token, String secret) {}

    private final MongoCollection<Document> tokens;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(MongoDatabase database, InstantSource clock) {
        this.tokens = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public void ensureIndexes() {
        tokens.createIndex(Indexes.ascending("username"));
    }

    public Issued issue(String username, String name) {
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = new ApiToken(id, username, name, clock.instant(), null);
        tokens.insertOne(new Document("_id", id)
                .append("username", username)
                .append("name", name)
                .append("hash", sha256(secret))
                .append("created", Date.from(token.created())));
        return new Issued(token, "ewea_" + id + "_" + secret);
    }

    /** The valid token a presented value is, if it is one. */
    public Optional<ApiToken> verify(String presented) {
        Matcher m = FORM.matcher(presented);
        if (!m.matches()) {
            return Optional.empty();
        }
        Document d = tokens.find(Filters.eq("_id", m.group(1))).first();
        if (d == null || d.get("revoked") != null) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().parseHex(d.getString("hash"));
        byte[] actual = HexFormat.of().parseHex(sha256(m.group(2)));
        return MessageDigest.isEqual(expected, actual) ? Optional.of(token(d)) : Optional.empty();
    }

    public Optional<ApiToken> find(String id) {
        return Optional.ofNullable(tokens.find(Filters.eq("_id", id)).first()).map(ApiTokens::token);
    }

    /** Revokes a token; false if there is none with the id. Revoking twice keeps the first time. */
    public boolean revoke(String id) {
        return tokens.updateOne(
                                        Filters.and(Filters.eq("_id", id), Filters.eq("revoked", null)),
                                        Updates.set("revoked", Date.from(clock.instant())))
                                .getMatchedCount()
                        == 1
                || find(id).isPresent();
    }

    /** Tokens, newest first; of one user, or of everyone when {@code username} is null. */
    public List<ApiToken> list(@Nullable String username) {
        List<ApiToken> list = new ArrayList<>();
        tokens.find(username == null ? new Document() : Filters.eq("username", username))
                .sort(Sorts.descending("created"))
                .forEach(d -> list.add(token(d)));
        return list;
    }

    private static ApiToken token(Document d) {
        Date revoked = d.getDate("revoked");
        return new ApiToken(
                d.getString("_id"),
                d.getString("username"),
                d.getString("name"),
                d.getDate("created").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static String sha256(String secret) {
        return Digests.sha256Hex(secret);
    }
}
