package org.ewea.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ewea.api.store.PrivateFiles;
import org.jspecify.annotations.Nullable;

/**
 * The audit chain's anchor outside the store: the position and hash of the newest entry this instance has seen, in a
 * file of the data directory (mode 600), authenticated with the chain's key. {@link AuditLog#verify(Mark)} then
 * tells a chain whose newest entries were deleted (its tail cut off) from an intact one: someone who can write the
 * store but not the data directory cannot move the anchor back.
 */
public final class AuditAnchor {

    /** A position in the chain and the hash of its entry. */
    public record Mark(long seq, String hash) {}

    private final Path file;
    private final SecretKeySpec key;

    public AuditAnchor(Path file, byte[] key) {
        this.file = file;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Records the newest entry, if it is newer than the anchor. */
    public synchronized void advance(Mark mark) {
        Optional<Mark> current = read();
        if (current.isPresent() && current.get().seq() >= mark.seq()) {
            return;
        }
        String body = mark.seq() + " " + mark.hash();
        PrivateFiles.write(file, body + " " + mac(body) + "\n");
    }

    /**
     * The anchor, if one was written.
     *
     * @throws IllegalStateException when the file was altered (its authentication does not hold)
     */
    public synchronized Optional<Mark> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = Files.readString(file).strip().split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor " + file, e);
        }
        if (parts.length != 3
                || !MessageDigest.isEqual(
                        mac(parts[0] + " " + parts[1]).getBytes(StandardCharsets.US_ASCII),
                        parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalStateException("the audit anchor " + file + " was altered");
        }
        return Optional.of(new Mark(Long.parseLong(parts[0]), parts[1]));
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("anchor " + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    static @Nullable Mark of(@Nullable AuditEntry newest) {
        return newest == null ? null : new Mark(newest.seq(), newest.hash());
    }
}
