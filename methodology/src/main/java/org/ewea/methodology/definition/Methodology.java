package org.ewea.methodology.definition;

import java.util.List;
import org.ewea.methodology.authority.AuthorityWarnings;
import org.ewea.methodology.grading.GradingSchemes;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.ewea.methodology.playbook.Playbooks;
import org.ewea.methodology.risk.RiskMatrix;
import org.ewea.methodology.stage.StageModel;
import org.ewea.methodology.taxonomy.Taxonomy;

/**
 * The EW/EA method in force: taxonomy and its compiled lexicon, grading schemes, stages, risk matrix and playbooks,
 * with the version id recorded with every score and alert made under it.
 *
 * @param name e.g. {@code EW/EA}
 * @param version the version the definitions declare, e.g. {@code 2026.11}
 * @param versionId the declared version plus a digest of every definition in force, e.g. {@code 2026.11+3f9a0c1b2d4e};
 *     it changes whenever any definition (default or override) changes
 * @param sources where each definition file came from
 * @param languages the label languages in use
 * @param authorityWarnings when authorities first warned of each technology: the technologies' authoritative record
 */
public record Methodology(
        String name,
        String version,
        String versionId,
        List<String> sources,
        List<String> languages,
        Taxonomy taxonomy,
        LexiconMatcher lexicon,
        GradingSchemes grading,
        StageModel stages,
        RiskMatrix riskMatrix,
        Playbooks playbooks,
        AuthorityWarnings authorityWarnings) {

    public Methodology {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }
}
