package org.ewea.collectors.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.ewea.collectors.capture.Capture;
import org.ewea.methodology.Tlp;

/**
 * The raw bytes of every capture, exactly as received, in the GridFS bucket {@code captures}: the chain of custody
 * from an item (its {@code provenance.rawSha256}) back to what was captured, when, from where. Stored once per
 * SHA-256; kept for the retention period after the capture, then purged. All calls block.
 */
public final class RawCaptureStore {

    public static final String BUCKET = "captures";

    /**
     * A stored capture.
     *
     * @param sha256 SHA-256 of the bytes
     * @param origin where they were captured from
     * @param captured when
     * @param sourceId the source
     * @param locator where in the source or recording
     * @param contentType media type as received
     * @param length size in bytes
     * @param tlp the TLP of the source it was captured from (TLP:RED for captures kept before TLP was recorded with
     *     them: unknown means restricted)
     */
    public record StoredCapture(
            String sha256,
            String origin,
            Instant captured,
            String sourceId,
            String locator,
            String contentType,
            long length,
            Tlp tlp) {}

    private final GridFSBucket bucket;
    private final Duration retention;

    public RawCaptureStore(MongoDatabase database, Duration retention) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.retention = retention;
    }

    /** Keeps the capture's bytes unless bytes with the same SHA-256 are kept already. */
    public void keep(Capture capture) {
        if (bucket.find(eq("filename", capture.sha256())).first() != null) {
            return;
        }
        Document metadata = new Document("sha256", capture.sha256())
                .append("origin", capture.origin().toString())
                .append("captured", Date.from(capture.captured()))
                .append("sourceId", capture.source().id().value())
                .append("locator", capture.locator())
                .append("contentType", capture.contentType())
                .append("tlp", capture.source().tlp().name());
        bucket.uploadFromStream(
                capture.sha256(),
                new ByteArrayInputStream(capture.body()),
                new GridFSUploadOptions().metadata(metadata));
    }

    public Optional<StoredCapture> describe(String sha256) {
        return Optional.ofNullable(bucket.find(eq("filename", sha256)).first()).map(RawCaptureStore::describe);
    }

    /** The bytes of the capture with this SHA-256. */
    public Optional<byte[]> bytes(String sha256) {
        GridFSFile file = bucket.find(eq("filename", sha256)).first();
        if (file == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(file.getLength(), Integer.MAX_VALUE));
        bucket.downloadToStream(file.getObjectId(), out);
        return Optional.of(out.toByteArray());
    }

    /** Deletes captures captured before {@code now - retention}; answers how many. */
    public int purgeExpired(Instant now) {
        List<ObjectId> expired = new ArrayList<>();
        bucket.find(lt("metadata.captured", Date.from(now.minus(retention))))
                .forEach(f -> expired.add(f.getObjectId()));
        expired.forEach(bucket::delete);
        return expired.size();
    }

    private static StoredCapture describe(GridFSFile file) {
        Document m = file.getMetadata() == null ? new Document() : file.getMetadata();
        String tlp = m.getString("tlp");
        return new StoredCapture(
                file.getFilename(),
                m.getString("origin"),
                m.getDate("captured").toInstant(),
                m.getString("sourceId"),
                m.getString("locator"),
                m.getString("contentType"),
                file.getLength(),
                tlp == null ? Tlp.RED : Tlp.valueOf(tlp));
    }
}
