package org.ewea.api.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded store's door: every connection must authenticate with SCRAM-SHA-256 (RFC 5802 and 7677, as MongoDB
 * and its drivers speak it) before any command but the handshake, so that another local account that reaches the
 * loopback port reads and writes nothing. The credential is made afresh at every start and held in memory only: the
 * service is the store's only client. Wraps the real backend; everything else is passed through.
 */
final class ScramGuardedBackend implements MongoBackend {

    /** Commands a connection may send before it has authenticated: the handshake and SASL itself. */
    private static final Set<String> OPEN = Set.of(
            "hello",
            "ismaster",
            "buildinfo",
            "ping",
            "saslstart",
            "saslcontinue",
            "getnonce",
            "endsessions",
            "getlasterror",
            "whatsmyuri");

    private static final int ITERATIONS = 15_000;
    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;

    private final MongoBackend delegate;
    private final String user;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;
    private final SecureRandom random = new SecureRandom();
    private final Set<Channel> authenticated = ConcurrentHashMap.newKeySet();
    private final Map<Channel, Conversation> conversations = new ConcurrentHashMap<>();

    /** A SCRAM exchange in progress on one connection. */
    private record Conversation(String clientFirstBare, String serverFirst, String nonce) {}

    ScramGuardedBackend(MongoBackend delegate, String user, String password) {
        this.delegate = delegate;
        this.user = user;
        this.salt = new byte[28];
        random.nextBytes(salt);
        byte[] salted = pbkdf2(password, salt, ITERATIONS);
        this.storedKey = sha256(hmac(salted, "Client Key"));
        this.serverKey = hmac(salted, "Server Key");
    }

    private static String command(Document document) {
        return document.keySet().isEmpty() ? "" : document.keySet().iterator().next();
    }

    private void check(Channel channel, String command) {
        if (!authenticated.contains(channel) && !OPEN.contains(command.toLowerCase(Locale.ROOT))) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "command " + command + " requires authentication");
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document document = message.getDocument();
        String command = command(document);
        if (command.equalsIgnoreCase("saslStart")) {
            return saslStart(message.getChannel(), document);
        }
        if (command.equalsIgnoreCase("saslContinue")) {
            return saslContinue(message.getChannel(), document);
        }
        check(message.getChannel(), command);
        return delegate.handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        check(
                query.getChannel(),
                query.getCollectionName() != null && query.getCollectionName().equals("$cmd")
                        ? command(query.getQuery())
                        : "find");
        return delegate.handleQuery(query);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        check(channel, command);
        return delegate.handleCommand(channel, database, command, query);
    }

    private Document saslStart(Channel channel, Document document) {
        if (!"SCRAM-SHA-256".equals(document.get("mechanism"))) {
            throw failed("only SCRAM-SHA-256 is offered");
        }
        String clientFirst = text(document.get("payload"));
        if (!clientFirst.startsWith("n,,")) {
            throw failed("channel binding is not supported");
        }
        String bare = clientFirst.substring(3);
        Map<String, String> fields = fields(bare);
        if (!user.equals(fields.get("n")) || fields.get("r") == null) {
            throw failed("unknown user");
        }
        byte[] serverNonce = new byte[24];
        random.nextBytes(serverNonce);
        String nonce = fields.get("r") + Base64.getEncoder().encodeToString(serverNonce);
        String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        conversations.put(channel, new Conversation(bare, serverFirst, nonce));
        return reply(false, serverFirst);
    }

    private Document saslContinue(Channel channel, Document document) {
        Conversation conversation = conversations.remove(channel);
        if (conversation == null) {
            throw failed("no SCRAM conversation in progress");
        }
        String clientFinal = text(document.get("payload"));
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw failed("no proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<String, String> fields = fields(withoutProof);
        if (!conversation.nonce().equals(fields.get("r"))) {
            throw failed("the nonce does not match");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw failed("the proof is not base64");
        }
        String authMessage = conversation.clientFirstBare() + "," + conversation.serverFirst() + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != signature.length) {
            throw failed("wrong proof");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            throw failed("wrong password");
        }
        authenticated.add(channel);
        return reply(true, "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)));
    }

    private static Document reply(boolean done, String payload) {
        Document reply = new Document("conversationId", 1);
        reply.put("done", done);
        reply.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
        reply.put("ok", 1.0);
        return reply;
    }

    private static MongoServerError failed(String why) {
        return new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed: " + why);
    }

    private static String text(Object payload) {
        if (payload instanceof BinData data) {
            return new String(data.getData(), StandardCharsets.UTF_8);
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw failed("the payload is not binary");
    }

    private static Map<String, String> fields(String message) {
        Map<String, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                fields.put(part.substring(0, 1), part.substring(2));
            }
        }
        return fields;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by the Java platform", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public void handleClose(Channel channel) {
        authenticated.remove(channel);
        conversations.remove(channel);
        delegate.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        delegate.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
