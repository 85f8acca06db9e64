package org.ewea.alerts.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.collectors.fetch.AddressGuard;

/**
 * POSTs the event's JSON to the subscription's URL, signed: {@code X-EWEA-Signature: sha256=<hex>} is the
 * HMAC-SHA256, under the subscription's secret, of {@code <X-EWEA-Timestamp>.<body>}, so a receiver can check both
 * origin and freshness. {@code X-EWEA-Event} carries the event number (receivers de-duplicate with it: a delivery
 * may be repeated after a crash). Any 2xx is success; redirects are not followed. Unless private addresses are
 * allowed, a URL resolving to a loopback, private or link-local address fails permanently (no SSRF through
 * webhooks).
 */
public final class WebhookSender implements Sender {

    public static final String SIGNATURE = "X-EWEA-Signature";
    public static final String TIMESTAMP = "X-EWEA-Timestamp";
    public static final String EVENT = "X-EWEA-Event";

    private final HttpClient http;
    private final Duration timeout;
    private final boolean allowPrivate;
    private final InstantSource clock;

    public WebhookSender(Duration timeout, boolean allowPrivate, InstantSource clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Subscription subscription, AlertEvent event, byte[] body) throws DeliveryFailure {
        URI url = subscription.url();
        if (url == null || subscription.secret() == null) {
            throw new DeliveryFailure("the subscription has no webhook URL or secret", true);
        }
        checkAddress(url);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "EW/EA alert webhooks")
                .header(EVENT, Long.toString(event.sequence()))
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(subscription.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure("HTTP " + response.statusCode() + " from " + url, false);
            }
        } catch (IOException e) {
            throw new DeliveryFailure(e.getClass().getSimpleName() + " posting to " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted posting to " + url, e);
        }
    }

    private void checkAddress(URI url) throws DeliveryFailure {
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (AddressGuard.isForbidden(address)) {
                    throw new DeliveryFailure(
                            url.getHost() + " resolves to " + address.getHostAddress()
                                    + ", a private or local address (EWEA_ALERTS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES is off)",
                            true);
                }
            }
        } catch (UnknownHostException e) {
            throw new DeliveryFailure("unknown host " + url.getHost(), e);
        }
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
