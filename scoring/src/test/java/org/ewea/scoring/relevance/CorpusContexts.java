package org.ewea.scoring.relevance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.normalise.LinguaLanguageDetector;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.definition.MethodologyLoader;

/**
 * The context the training corpora's items have when they come through the pipeline: the grade their source has in
 * the demo catalogue (CTI-ANN's paraphrased X posts F6, reliability and credibility not judged), open sources, and
 * the language Lingua detects (the service's languages). CASIE's articles are read as an install trains on them
 * ({@link ThreatTypeTraining}: ungraded).
 */
final class CorpusContexts {

    static final AdmiraltyGrade CTI_ANN_GRADE = AdmiraltyGrade.parse("F6");

    private CorpusContexts() {}

    /** The service's language detector (the methodology's languages plus Russian and Ukrainian). */
    static LanguageDetector languages() {
        Set<String> languages =
                new LinkedHashSet<>(new MethodologyLoader().load(null).languages());
        languages.addAll(List.of("ru", "uk"));
        return new LinguaLanguageDetector(languages);
    }
}
