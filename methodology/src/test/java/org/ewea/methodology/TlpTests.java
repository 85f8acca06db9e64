package org.ewea.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlpTests {

    @Test
    void ordersFromClearToRed() {
        assertThat(List.of(Tlp.values())).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
        assertThat(Tlp.AMBER.isAtMost(Tlp.AMBER_STRICT)).isTrue();
        assertThat(Tlp.RED.isAtMost(Tlp.AMBER)).isFalse();
        assertThat(Tlp.AMBER_STRICT.isAtMost(Tlp.AMBER)).isFalse();
    }

    @Test
    void mostRestrictiveIsNotAlphabetical() {
        // As strings, "GREEN" > "AMBER" and "CLEAR" > "AMBER+STRICT"; by TLP 2.0 it is the other way round.
        assertThat(Tlp.mostRestrictive(Tlp.GREEN, Tlp.AMBER)).isEqualTo(Tlp.AMBER);
        assertThat(Tlp.mostRestrictive(Tlp.CLEAR, Tlp.AMBER_STRICT)).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.mostRestrictive(List.of(Tlp.GREEN, Tlp.RED, Tlp.CLEAR))).isEqualTo(Tlp.RED);
        assertThat(Tlp.mostRestrictive(List.of())).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void parsesLabelsCodesAndTlp1White() {
        assertThat(Tlp.parse("TLP:AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse(" amber_strict ")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("tlp:red")).isEqualTo(Tlp.RED);
        assertThat(Tlp.parse("WHITE")).isEqualTo(Tlp.CLEAR);
        assertThat(Tlp.RED.label()).isEqualTo("TLP:RED");
    }

    @Test
    void rejectsUnknownMarkingNamingTheValidOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Tlp.parse("PURPLE"))
                .withMessageContaining("PURPLE")
                .withMessageContaining("AMBER+STRICT");
    }
}
