package org.ewea.collectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecretUrlsTests {

    @Test
    void masksPasswordsAndSecretQueryValuesAndLeavesPlainUrlsAlone() {
        assertThat(SecretUrls.masked(
                        URI.create("https://user:pw@h.example:8443/feed?apikey=abc&lang=en&access_token=x#f")))
                .isEqualTo("https://user:****@h.example:8443/feed?apikey=****&lang=en&access_token=****#f");
        assertThat(SecretUrls.masked(URI.create("socks5://tor:pass@127.0.0.1:9050")))
                .isEqualTo("socks5://tor:****@127.0.0.1:9050");
        URI plain = URI.create("https://krebsonsecurity.com/feed/?page=2");
        assertThat(SecretUrls.masked(plain)).isEqualTo(plain.toString());
        assertThat(SecretUrls.hasSecrets(plain)).isFalse();
        assertThat(SecretUrls.hasSecrets(URI.create("https://h.example/rss?X-Api-Key=1")))
                .isTrue();
        assertThat(SecretUrls.hasSecrets(null)).isFalse();
    }

    @Test
    void sealsUnderItsKeyAndRefusesAnotherKeyOrAlteredText() {
        SecretSeal seal = SecretSeal.ephemeral();
        String sealed = seal.seal("https://user:pw@h.example/");
        assertThat(sealed).startsWith("v1:").doesNotContain("pw");
        assertThat(seal.open(sealed)).isEqualTo("https://user:pw@h.example/");
        assertThat(seal.seal("same")).isNotEqualTo(seal.seal("same"));
        assertThatIllegalStateException()
                .isThrownBy(() -> SecretSeal.ephemeral().open(sealed))
                .withMessageContaining("another key");
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThatIllegalStateException().isThrownBy(() -> seal.open(altered));
    }
}
