package org.ewea.collectors.enrich;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/** Checksums that tell a real Bitcoin address from a random string of the right shape. */
final class CryptoChecksums {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private CryptoChecksums() {}

    /** Base58Check (legacy P2PKH/P2SH addresses): 25 bytes whose last 4 are the double SHA-256 of the first 21. */
    static boolean validBase58Check(String address) {
        BigInteger value = BigInteger.ZERO;
        for (char c : address.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) {
                return false;
            }
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] raw = value.toByteArray();
        int leadingZeros = 0;
        while (leadingZeros < address.length() && address.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] stripped = raw.length > 0 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
        byte[] bytes = new byte[leadingZeros + stripped.length];
        System.arraycopy(stripped, 0, bytes, leadingZeros, stripped.length);
        if (bytes.length != 25) {
            return false;
        }
        byte[] check = sha256(sha256(Arrays.copyOfRange(bytes, 0, 21)));
        return Arrays.equals(Arrays.copyOfRange(check, 0, 4), Arrays.copyOfRange(bytes, 21, 25));
    }

    /** Bech32 / Bech32m (BIP-173/350) checksum of a {@code bc1...} address. */
    static boolean validBech32(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1
                || separator + 7 > lower.length()
                || !lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
            return false;
        }
        String hrp = lower.substring(0, separator);
        int[] values = new int[hrp.length() * 2 + 1 + lower.length() - separator - 1];
        int i = 0;
        for (char c : hrp.toCharArray()) {
            values[i++] = c >> 5;
        }
        values[i++] = 0;
        for (char c : hrp.toCharArray()) {
            values[i++] = c & 31;
        }
        for (char c : lower.substring(separator + 1).toCharArray()) {
            int v = BECH32.indexOf(c);
            if (v < 0) {
                return false;
            }
            values[i++] = v;
        }
        int polymod = polymod(values);
        return polymod == 1 || polymod == 0x2bc830a3;
    }

    private static int polymod(int[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int j = 0; j < 5; j++) {
                if (((top >>> j) & 1) == 1) {
                    chk ^= generator[j];
                }
            }
        }
        return chk;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
