package org.ewea.scoring.relevance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.ewea.collectors.normalise.Digests;
import smile.util.SparseArray;

/**
 * A trained relevance model as its numbers: the intercept and the non-zero weights of the hashed feature space (as
 * floats), stored in a small gzip-compressed binary file so that the shipped model scores without Smile and without
 * the training data. {@code probability} equals the trained model's up to float rounding.
 *
 * @param id the model's id, stored with every item it scores
 * @param dimensions the size of the hashed feature space
 * @param intercept the bias
 * @param indices feature indices with a non-zero weight, ascending
 * @param weights their weights
 */
public record RelevanceWeights(String id, int dimensions, double intercept, int[] indices, float[] weights) {

    private static final int MAGIC = 0x45574541; // "EWEA"
    private static final int VERSION = 1;

    public RelevanceWeights {
        if (indices.length != weights.length) {
            throw new IllegalArgumentException("one weight per index");
        }
        indices = indices.clone();
        weights = weights.clone();
    }

    public double probability(SparseArray features) {
        double s = intercept;
        for (SparseArray.Entry e : features) {
            int k = Arrays.binarySearch(indices, e.index());
            if (k >= 0) {
                s += weights[k] * e.value();
            }
        }
        return 1 / (1 + Math.exp(-s));
    }

    /**
     * These weights named {@code prefix-<digest>}: the first 12 hex digits of the SHA-256 of this file as written
     * now, so the same weights get the same name.
     */
    public RelevanceWeights withDigestId(String prefix) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RelevanceWeights(
                prefix + "-" + Digests.sha256Hex(bytes.toByteArray()).substring(0, 12),
                dimensions,
                intercept,
                indices,
                weights);
    }

    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            data.writeUTF(id);
            data.writeInt(dimensions);
            data.writeDouble(intercept);
            data.writeInt(indices.length);
            for (int i = 0; i < indices.length; i++) {
                data.writeInt(indices[i]);
                data.writeFloat(weights[i]);
            }
        }
    }

    public static RelevanceWeights read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                throw new IOException("not an EW/EA relevance model file (version " + VERSION + ")");
            }
            String id = data.readUTF();
            int dimensions = data.readInt();
            double intercept = data.readDouble();
            int n = data.readInt();
            int[] indices = new int[n];
            float[] weights = new float[n];
            for (int i = 0; i < n; i++) {
                indices[i] = data.readInt();
                weights[i] = data.readFloat();
            }
            return new RelevanceWeights(id, dimensions, intercept, indices, weights);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelevanceWeights w
                && id.equals(w.id)
                && dimensions == w.dimensions
                && Double.compare(intercept, w.intercept) == 0
                && Arrays.equals(indices, w.indices)
                && Arrays.equals(weights, w.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, dimensions, intercept, Arrays.hashCode(indices), Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "RelevanceWeights[id=" + id + ", non-zero=" + indices.length + ", intercept=" + intercept + "]";
    }
}
