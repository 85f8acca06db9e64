package org.ewea.alerts.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An analyst's verdict on whether an alert's subject is a relevant threat: a training label for scoring.
 *
 * @param user who said so
 * @param relevant their verdict
 * @param at when
 * @param note why
 */
public record Feedback(
        String user, boolean relevant, Instant at, @Nullable String note) {}
