package org.ewea.alerts.digest;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When the weekly digests are made and for whom: a Quartz cron expression in a time zone. The service fires it on
 * the wall clock ({@link WeeklyDigestSchedule}); an exercise reads its times within the simulated period
 * ({@link #firesBetween}), so a trainer's room gets its digests when the service's readers would. Whether the
 * service fires it at all is the service's setting ({@code EWEA_ALERTS_DIGESTS_ENABLED}); exercises always do.
 *
 * @param cron a Quartz cron expression, e.g. {@code 0 0 7 ? * MON}
 * @param zone the time zone the expression is read in
 * @param audiences the audiences a digest is made for each time
 */
public record DigestSchedule(String cron, ZoneId zone, List<String> audiences) {

    /** The audiences the service makes digests for. */
    public static final List<String> AUDIENCES = List.of("analyst", "policy", "trainer");

    /** More fire times than this in one period is a mistake in the expression, not a schedule. */
    static final int MAX_FIRES = 100_000;

    /** @throws IllegalArgumentException when the expression is invalid */
    public DigestSchedule {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("invalid digest cron expression '" + cron + "'");
        }
        audiences = List.copyOf(audiences);
    }

    /** The service's digests ({@link #AUDIENCES}) by this expression. */
    public static DigestSchedule weekly(String cron, ZoneId zone) {
        return new DigestSchedule(cron, zone, AUDIENCES);
    }

    /** The quartz expression, in its zone. */
    CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid digest cron expression '" + cron + "'", e);
        }
    }

    /**
     * The times digests are made from {@code from} to {@code to}, both included, in order.
     *
     * @throws IllegalArgumentException when the expression fires more than {@value #MAX_FIRES} times in the period
     */
    public List<Instant> firesBetween(Instant from, Instant to) {
        List<Instant> fires = new ArrayList<>();
        CronExpression expression = expression();
        Date next = expression.getNextValidTimeAfter(Date.from(from.minusSeconds(1)));
        while (next != null && !next.toInstant().isAfter(to)) {
            if (!next.toInstant().isBefore(from)) {
                fires.add(next.toInstant());
            }
            if (fires.size() > MAX_FIRES) {
                throw new IllegalArgumentException("the digest cron expression '" + cron + "' fires more than "
                        + MAX_FIRES + " times between " + from + " and " + to);
            }
            next = expression.getNextValidTimeAfter(next);
        }
        return fires;
    }
}
