package org.ewea.collectors.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicaliserTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://news.example.org/a?utm_source=rss&utm_medium=x&id=7#c | https://news.example.org/a?id=7
            HTTPS://News.Example.ORG:443/A                                | https://news.example.org/A
            http://example.org:80                                         | http://example.org/
            http://example.org:8080/x?fbclid=1&b=2&gclid=3&a=1            | http://example.org:8080/x?b=2&a=1
            https://bücher.example/p                                      | https://xn--bcher-kva.example/p
            https://example.org/p?                                        | https://example.org/p
            """)
    void canonicalises(String raw, String canonical) {
        assertThat(UrlCanonicaliser.canonicalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "ftp://example.org/x",
                "/relative/path",
                "not a url",
                "mailto:a@example.org",
                "http://"
            })
    void refusesWhatIsNotAnAbsoluteHttpUrl(String raw) {
        assertThat(UrlCanonicaliser.canonicalise(raw)).isEmpty();
    }
}
