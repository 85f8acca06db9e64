package org.ewea.alerts.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a subscription is told: on its SSE stream, by webhook, or by e-mail. */
public enum Channel {
    SSE,
    WEBHOOK,
    EMAIL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel of(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown channel '" + id + "': expected sse, webhook" + " or email"));
    }
}
