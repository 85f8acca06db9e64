package org.ewea.methodology.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;

class HandlingCodesTests {

    private static final HandlingCodes CODES =
            new MethodologyLoader().load(null).grading().handlingCodes();

    @Test
    void listsTheHandlingCodesOfEverySchemeBetweenNoneAndAll() {
        assertThat(CODES.all())
                .extracting(Handling::label)
                .containsExactly(
                        "none",
                        "uk-3x5x2:P",
                        "uk-3x5x2:C",
                        "europol:H0",
                        "europol:H1",
                        "europol:H2",
                        "europol:H3",
                        "all");
    }

    @Test
    void parsesLabelsAndUniqueBareCodesCaseInsensitively() {
        assertThat(CODES.parse("europol:h2").label()).isEqualTo("europol:H2");
        assertThat(CODES.parse(" H3 ").label()).isEqualTo("europol:H3");
        assertThat(CODES.parse("c"))
                .extracting(Handling::scheme, Handling::restriction)
                .containsExactly("uk-3x5x2", 0.7);
        assertThat(CODES.parse("NONE")).isEqualTo(Handling.NONE);
        assertThat(CODES.parse("all")).isEqualTo(Handling.ALL);
    }

    @Test
    void rejectsUnknownCodesNamingTheAcceptedOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CODES.parse("H9"))
                .withMessageContaining("unknown handling code 'H9'")
                .withMessageContaining("europol:H3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CODES.parse("europol:C"))
                .withMessageContaining("unknown handling code");
    }

    @Test
    void comparesCodesOfDifferentSchemesOnTheCommonScale() {
        Handling c = CODES.parse("uk-3x5x2:C");
        assertThat(CODES.parse("europol:H1").isAtMost(c)).isTrue();
        assertThat(CODES.parse("europol:H2").isAtMost(c)).isFalse();
        assertThat(Handling.NONE.isAtMost(CODES.parse("europol:H0"))).isTrue();
        assertThat(Handling.mostRestrictive(List.of(CODES.parse("H1"), Handling.NONE, CODES.parse("P")))
                        .label())
                .isEqualTo("europol:H1");
        assertThat(Handling.mostRestrictive(List.of())).isEqualTo(Handling.NONE);
    }

    @Test
    void aClearancePermitsOnlyWhatBothItsMarkingAndItsHandlingCodeAllow() {
        Clearance amberH1 = new Clearance(Tlp.AMBER, CODES.parse("H1"));
        assertThat(amberH1.permits(Tlp.GREEN, CODES.parse("H1"))).isTrue();
        assertThat(amberH1.permits(Tlp.RED, Handling.NONE)).isFalse();
        assertThat(amberH1.permits(Tlp.CLEAR, CODES.parse("H2"))).isFalse();
        assertThat(amberH1.full()).isFalse();
        assertThat(Clearance.FULL.full()).isTrue();
        assertThat(Clearance.FULL.permits(Tlp.RED, CODES.parse("H3"))).isTrue();
        assertThat(Clearance.of(Tlp.RED).permits(Tlp.RED, CODES.parse("H0"))).isTrue();
        assertThat(Clearance.of(Tlp.RED).permits(Tlp.RED, CODES.parse("H1"))).isFalse();
    }
}
