package org.ewea.collectors.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The SSRF guard's rule: which addresses a non-local source must never reach. Loopback, unspecified, link-local,
 * private (RFC 1918), carrier-grade NAT (100.64/10), IPv6 unique-local (fc00::/7), multicast, and IPv4 addresses
 * embedded in IPv6 (mapped or compatible) that are any of these.
 */
public final class AddressGuard {

    private AddressGuard() {}

    public static boolean isForbidden(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0
                    || (first == 100 && second >= 64 && second <= 127)
                    || first >= 240
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second & 0xfe) == 18);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean embeddedV4 = true;
            for (int i = 0; i < 10; i++) {
                embeddedV4 &= b[i] == 0;
            }
            boolean mapped = embeddedV4 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = embeddedV4 && b[10] == 0 && b[11] == 0;
            if (mapped || compatible) {
                try {
                    return isForbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
