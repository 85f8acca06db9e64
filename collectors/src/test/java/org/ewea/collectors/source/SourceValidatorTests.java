package org.ewea.collectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Test;

class SourceValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final SourceValidator validator = TestSources.validator();

    @Test
    void appliesDefaults() {
        Source source = validator.validate(
                new SourceSpec(
                        "krebs",
                        null,
                        null,
                        "https://krebsonsecurity.com/feed",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                NOW);
        assertThat(source.kind()).isEqualTo(SourceKind.FEED);
        assertThat(source.title()).isEqualTo("krebs");
        assertThat(source.grading().code()).isEqualTo("F6");
        assertThat(source.tlp()).isEqualTo(Tlp.CLEAR);
        assertThat(source.schedule()).matches("0 \\d{1,2} \\* \\* \\* \\?");
        assertThat(source.enabled()).isTrue();
        assertThat(source.local()).isFalse();
        assertThat(source.created()).isEqualTo(NOW);
    }

    @Test
    void takesAHandlingCodeOfTheGradingSchemesAndRejectsOthers() {
        assertThat(validator
                        .validate(
                                new SourceSpec(
                                        "krebs",
                                        null,
                                        null,
                                        "https://krebsonsecurity.com/feed",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                NOW)
                        .handling())
                .isEqualTo(Handling.NONE);
        assertThat(validator
                        .validate(
                                new SourceSpec(
                                        "partner",
                                        null,
                                        null,
                                        "https://partner.example/feed",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "europol:h2"),
                                NOW)
                        .handling()
                        .label())
                .isEqualTo("europol:H2");
        InvalidSourceException unknown = catchThrowableOfType(
                InvalidSourceException.class,
                () -> validator.validate(
                        new SourceSpec(
                                "partner",
                                null,
                                null,
                                "https://partner.example/feed",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "H7"),
                        NOW));
        assertThat(unknown.errors()).containsKey("handling");
        assertThat(unknown.errors().get("handling")).contains("unknown handling code 'H7'", "europol:H3");
        InvalidSourceException all = catchThrowableOfType(
                InvalidSourceException.class,
                () -> validator.validate(
                        new SourceSpec(
                                "partner",
                                null,
                                null,
                                "https://partner.example/feed",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "all"),
                        NOW));
        assertThat(all.errors().get("handling")).contains("reader's clearance");
    }

    @Test
    void knowsADarkWebSourceByTagOnionAddressOrTorProxy() {
        assertThat(validator
                        .validate(
                                new SourceSpec(
                                        "krebs",
                                        null,
                                        null,
                                        "https://krebsonsecurity.com/feed",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                NOW)
                        .darkWeb())
                .isFalse();
        assertThat(validator
                        .validate(
                                new SourceSpec(
                                        "mirror",
                                        "folder",
                                        null,
                                        null,
                                        "/data/mirror",
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(Source.DARK_WEB_TAG),
                                        null,
                                        null,
                                        null),
                                NOW)
                        .darkWeb())
                .isTrue();
        assertThat(validator
                        .validate(
                                new SourceSpec(
                                        "market",
                                        null,
                                        null,
                                        "http://abcdefgh.onion/feed",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                NOW)
                        .darkWeb())
                .isTrue();
        assertThat(validator
                        .validate(
                                new SourceSpec(
                                        "via-tor",
                                        null,
                                        null,
                                        "https://forum.example/feed",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "socks5://127.0.0.1:9050",
                                        null,
                                        null),
                                NOW)
                        .darkWeb())
                .isTrue();
    }

    @Test
    void acceptsEveryField() {
        Source source = validator.validate(
                new SourceSpec(
                        "onion-forum",
                        "web",
                        "Forum",
                        "http://abc.onion/forum",
                        null,
                        "0 */15 * * * ?",
                        "ru",
                        "C3",
                        "AMBER+STRICT",
                        List.of("darknet", "forums"),
                        "socks5://127.0.0.1:9050",
                        false,
                        false,
                        "test-forum"),
                NOW);
        assertThat(source.kind()).isEqualTo(SourceKind.WEB);
        assertThat(source.profile()).isEqualTo("test-forum");
        assertThat(source.proxy()).hasToString("socks5://127.0.0.1:9050");
        assertThat(source.tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(source.enabled()).isFalse();
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        InvalidSourceException e = catchThrowableOfType(
                InvalidSourceException.class,
                () -> validator.validate(
                        new SourceSpec(
                                "Bad Id",
                                "gopher",
                                null,
                                null,
                                null,
                                "every hour",
                                "english",
                                "Z9",
                                "PURPLE",
                                List.of("<script>"),
                                "ftp://proxy",
                                null,
                                null),
                        NOW));
        assertThat(e.errors())
                .containsOnlyKeys("id", "kind", "url", "schedule", "language", "grading", "tlp", "tags", "proxy");
        assertThat(e.errors().get("schedule")).contains("Quartz cron");
        assertThat(e.errors().get("grading")).contains("A-F");
    }

    @Test
    void needsAnHttpUrlForFetchedKindsAndAPathForRecordings() {
        assertThat(catchThrowableOfType(
                                InvalidSourceException.class,
                                () -> validator.validate(
                                        new SourceSpec(
                                                "a",
                                                "feed",
                                                null,
                                                "file:///etc/passwd",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null),
                                        NOW))
                        .errors())
                .containsKey("url");
        assertThat(catchThrowableOfType(
                                InvalidSourceException.class,
                                () -> validator.validate(
                                        new SourceSpec(
                                                "a", "warc", null, null, null, null, null, null, null, null, null, null,
                                                null),
                                        NOW))
                        .errors())
                .containsKey("path");
    }
}
