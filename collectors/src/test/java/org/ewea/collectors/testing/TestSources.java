package org.ewea.collectors.testing;

import org.ewea.collectors.source.SourceValidator;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.methodology.grading.HandlingCodes;

/** Source validation with the handling codes of the default methodology. */
public final class TestSources {

    public static final HandlingCodes HANDLING_CODES =
            new MethodologyLoader().load(null).grading().handlingCodes();

    private TestSources() {}

    public static SourceValidator validator() {
        return new SourceValidator(HANDLING_CODES);
    }
}
