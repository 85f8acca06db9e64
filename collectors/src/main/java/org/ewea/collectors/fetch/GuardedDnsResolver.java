package org.ewea.collectors.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves host names and refuses forbidden addresses. It runs at connection time for every hop, redirects included,
 * so a name that resolves to a private address on the second lookup (DNS rebinding) is refused too.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final DnsResolver system = SystemDefaultDnsResolver.INSTANCE;

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = system.resolve(host);
        for (InetAddress address : addresses) {
            if (AddressGuard.isForbidden(address)) {
                throw new ForbiddenAddressException(host, address.getHostAddress());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }
}
