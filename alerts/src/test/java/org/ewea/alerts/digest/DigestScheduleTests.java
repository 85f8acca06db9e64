package org.ewea.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTests {

    @Test
    void theDefaultScheduleFiresOnMondaysAtSevenUtcWithBothEndsIncluded() {
        DigestSchedule mondays = DigestSchedule.weekly("0 0 7 ? * MON", ZoneId.of("UTC"));
        assertThat(mondays.audiences()).containsExactly("analyst", "policy", "trainer");
        assertThat(mondays.firesBetween(Instant.parse("2025-03-10T07:00:00Z"), Instant.parse("2025-03-17T07:00:00Z")))
                .containsExactly(Instant.parse("2025-03-10T07:00:00Z"), Instant.parse("2025-03-17T07:00:00Z"));
        assertThat(mondays.firesBetween(Instant.parse("2025-03-10T07:00:01Z"), Instant.parse("2025-03-17T06:59:59Z")))
                .isEmpty();
    }

    @Test
    void theExpressionIsReadInItsTimeZoneAcrossTheChangeToSummerTime() {
        DigestSchedule berlin = DigestSchedule.weekly("0 30 8 ? * FRI", ZoneId.of("Europe/Berlin"));
        assertThat(berlin.firesBetween(Instant.parse("2025-03-20T00:00:00Z"), Instant.parse("2025-04-05T00:00:00Z")))
                .containsExactly(
                        Instant.parse("2025-03-21T07:30:00Z"),
                        Instant.parse("2025-03-28T07:30:00Z"),
                        Instant.parse("2025-04-04T06:30:00Z"));
    }

    @Test
    void aBadExpressionOrOneFiringWithoutEndIsRefusedWithItsReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DigestSchedule.weekly("every monday", ZoneId.of("UTC")))
                .withMessageContaining("every monday");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DigestSchedule.weekly("* * * * * ?", ZoneId.of("UTC"))
                        .firesBetween(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z")))
                .withMessageContaining("fires more than");
    }
}
