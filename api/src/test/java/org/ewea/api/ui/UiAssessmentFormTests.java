package org.ewea.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.ewea.alerts.lifecycle.AssessmentInput;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class UiAssessmentFormTests {

    private static LinkedMultiValueMap<String, String> form(String... pairs) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void readsGradeLikelihoodConfidenceAndAFullHarmProfile() {
        AssessmentInput input = UiAssessmentForm.read(form(
                "grade",
                "B2",
                "likelihood",
                "4",
                "confidence",
                "high",
                "harm-physical",
                "1",
                "harm-psychological",
                "2",
                "harm-financial",
                "4",
                "harm-community",
                "0",
                "harm-societal",
                "3",
                "harm-geographic",
                "1",
                "harm-vulnerability",
                "2"));
        assertThat(input.grade()).isEqualTo("B2");
        assertThat(input.likelihood()).isEqualTo(4);
        assertThat(input.harm()).isNotNull();
        assertThat(input.harm().financial()).isEqualTo(4);
        assertThat(input.harm().societal()).isEqualTo(3);
    }

    @Test
    void withoutHarmTheTechnologysProfileApplies() {
        AssessmentInput input = UiAssessmentForm.read(form("grade", "C3", "likelihood", "2", "harm-physical", " "));
        assertThat(input.harm()).isNull();
        assertThat(UiAssessmentForm.read(form("note", "just acknowledging"))).isNull();
    }

    @Test
    void refusesAPartialOrOutOfRangeHarmProfileAndBadNumbers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UiAssessmentForm.read(form("grade", "B2", "harm-physical", "1")))
                .withMessageContaining("all seven");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UiAssessmentForm.read(form(
                        "grade",
                        "B2",
                        "harm-physical",
                        "9",
                        "harm-psychological",
                        "0",
                        "harm-financial",
                        "0",
                        "harm-community",
                        "0",
                        "harm-societal",
                        "0",
                        "harm-geographic",
                        "0",
                        "harm-vulnerability",
                        "0")))
                .withMessageContaining("physical");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UiAssessmentForm.read(form("grade", "B2", "likelihood", "often")))
                .withMessageContaining("likelihood");
    }
}
