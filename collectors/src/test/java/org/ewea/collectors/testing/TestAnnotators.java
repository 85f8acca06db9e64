package org.ewea.collectors.testing;

import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.enrich.EntityExtractor;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;

/** Annotators for tests: the default methodology, and no ATT&CK names unless given. */
public final class TestAnnotators {

    private TestAnnotators() {}

    public static Annotator defaults() {
        return with(AttackNames.none());
    }

    public static Annotator with(AttackNames attack) {
        Methodology methodology = new MethodologyLoader().load(null);
        return new Annotator(methodology.lexicon(), methodology.versionId(), new EntityExtractor(attack));
    }
}
