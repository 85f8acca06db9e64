package org.ewea.methodology.definition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ewea.methodology.authority.AuthorityWarnings;
import org.ewea.methodology.definition.DefinitionRecords.CrimeAreaEntry;
import org.ewea.methodology.definition.DefinitionRecords.GradingFile;
import org.ewea.methodology.definition.DefinitionRecords.MethodologyFile;
import org.ewea.methodology.definition.DefinitionRecords.PlaybooksFile;
import org.ewea.methodology.definition.DefinitionRecords.RiskFile;
import org.ewea.methodology.definition.DefinitionRecords.StagesFile;
import org.ewea.methodology.definition.DefinitionRecords.TaxonomyFile;
import org.ewea.methodology.grading.GradingSchemes;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.ewea.methodology.lexicon.LexiconTerm;
import org.ewea.methodology.playbook.Playbooks;
import org.ewea.methodology.stage.CueStatements;
import org.ewea.methodology.stage.Indicator;
import org.ewea.methodology.stage.Stage;
import org.ewea.methodology.stage.StageModel;
import org.ewea.methodology.taxonomy.CrimeArea;
import org.ewea.methodology.taxonomy.Taxonomy;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/**
 * Loads the methodology: the defaults shipped in the jar, then the override directory if one is given.
 * <ul>
 * <li>{@code taxonomy.yaml} and {@code playbooks.yaml} in the override directory <em>extend</em> the defaults: an entry
 * with a new id is added, one with an existing id replaces the default entry.</li>
 * <li>{@code methodology.yaml}, {@code grading.yaml}, {@code stages.yaml}, {@code risk-matrix.yaml} and
 * {@code authority-warnings.yaml} there
 * <em>replace</em> the default file.</li>
 * </ul>
 * Everything is validated; the first problem found stops loading with a {@link DefinitionException} naming file, line
 * and reason.
 */
public final class MethodologyLoader {

    static final List<String> FILES = List.of(
            "methodology.yaml",
            "taxonomy.yaml",
            "grading.yaml",
            "stages.yaml",
            "risk-matrix.yaml",
            "playbooks.yaml",
            "authority-warnings.yaml");

    private final YamlReader yaml = new YamlReader();

    /** Loads the defaults, overridden and extended from {@code overrideDir} when it is not null. */
    public Methodology load(@Nullable Path overrideDir) {
        DefinitionFiles files = new DefinitionFiles(overrideDir);
        List<DefinitionFile> used = new ArrayList<>();

        DefinitionFile methodologyFile = replaced(files, "methodology.yaml", used);
        MethodologyFile methodology = yaml.read(methodologyFile, MethodologyFile.class);
        Required top = Required.in(methodologyFile, "id", null);
        String name = top.text(methodology.name(), "name");
        String version = top.text(methodology.version(), "version");
        DefinitionRecords.Languages languages = top.value(methodology.languages(), "languages");
        List<String> required = top.list(languages.required(), "languages.required");
        List<String> oneOf = Required.orEmpty(languages.oneOf());
        List<CrimeArea> crimeAreas = crimeAreas(methodologyFile, methodology);

        List<TaxonomyDefinition.Located> entries = new ArrayList<>();
        for (DefinitionFile file : extended(files, "taxonomy.yaml", used)) {
            TaxonomyFile taxonomy = yaml.read(file, TaxonomyFile.class);
            Required.orEmpty(taxonomy.technologies())
                    .forEach(t -> entries.add(new TaxonomyDefinition.Located(t, file)));
        }
        List<Technology> technologies = TaxonomyDefinition.build(entries, crimeAreas, required, oneOf);
        Taxonomy taxonomy = new Taxonomy(technologies, crimeAreas);

        DefinitionFile gradingFile = replaced(files, "grading.yaml", used);
        GradingSchemes grading =
                new GradingSchemes(GradingDefinition.build(gradingFile, yaml.read(gradingFile, GradingFile.class)));

        DefinitionFile stagesFile = replaced(files, "stages.yaml", used);
        StageModel stages = StagesDefinition.build(stagesFile, yaml.read(stagesFile, StagesFile.class));

        DefinitionFile riskFile = replaced(files, "risk-matrix.yaml", used);
        var riskMatrix = RiskDefinition.build(riskFile, yaml.read(riskFile, RiskFile.class));

        List<DefinitionFile> playbookFiles = extended(files, "playbooks.yaml", used);
        PlaybooksFile mainPlaybooks = yaml.read(playbookFiles.getFirst(), PlaybooksFile.class);
        List<PlaybooksDefinition.Located> recommendations = new ArrayList<>();
        List<String> audiences =
                Required.in(playbookFiles.getFirst(), "id", null).list(mainPlaybooks.audiences(), "audiences");
        List<String> actionTypes =
                Required.in(playbookFiles.getFirst(), "id", null).list(mainPlaybooks.actionTypes(), "actionTypes");
        for (DefinitionFile file : playbookFiles) {
            PlaybooksFile playbooks =
                    file == playbookFiles.getFirst() ? mainPlaybooks : yaml.read(file, PlaybooksFile.class);
            if (file != playbookFiles.getFirst()
                    && (playbooks.audiences() != null || playbooks.actionTypes() != null)) {
                throw file.error("audiences and actionTypes can only be set in the default playbooks.yaml;"
                        + " an override file adds or replaces recommendations");
            }
            Required.orEmpty(playbooks.recommendations())
                    .forEach(r -> recommendations.add(new PlaybooksDefinition.Located(r, file)));
        }
        Set<String> categories = new LinkedHashSet<>();
        taxonomy.topLevel().forEach(t -> categories.add(t.id()));
        Playbooks playbooks = PlaybooksDefinition.build(
                playbookFiles.getLast(),
                audiences,
                actionTypes,
                recommendations,
                categories,
                stages.stages().stream().map(Stage::id).toList());

        DefinitionFile authorityFile = replaced(files, "authority-warnings.yaml", used);
        AuthorityWarnings authority = AuthorityWarningsDefinition.build(
                authorityFile, yaml.read(authorityFile, DefinitionRecords.AuthorityWarningsFile.class), taxonomy);

        List<String> allLanguages = new ArrayList<>(new LinkedHashSet<>(concat(required, oneOf)));
        return new Methodology(
                name,
                version,
                version + "+" + digest(used),
                used.stream().map(DefinitionFile::origin).toList(),
                allLanguages,
                taxonomy,
                lexicon(taxonomy),
                grading,
                stages,
                riskMatrix,
                playbooks,
                authority);
    }

    /** The lexicon of every label and acronym of the taxonomy. */
    public static LexiconMatcher lexicon(Taxonomy taxonomy) {
        List<LexiconTerm> terms = new ArrayList<>();
        for (Technology t : taxonomy.technologies()) {
            t.labels()
                    .forEach((language, labels) ->
                            labels.forEach(label -> terms.add(new LexiconTerm(t.id(), label, language, false))));
            t.acronyms().forEach(acronym -> terms.add(new LexiconTerm(t.id(), acronym, "und", true)));
        }
        return LexiconMatcher.compile(terms);
    }

    /**
     * The cue phrases of the counted indicators (see {@link org.ewea.methodology.stage.Indicator#cues()}) as one
     * matcher; a match's technology id is the indicator's id, or {@code hedge:<id>} for one of its hedges (read the
     * matches with {@link org.ewea.methodology.stage.CueStatements#stated}). Phrases under {@code und} (any language)
     * match case-sensitively, like the taxonomy's acronyms.
     */
    public static LexiconMatcher cues(StageModel stages) {
        List<LexiconTerm> terms = new ArrayList<>();
        for (Indicator i : stages.indicators()) {
            i.cues()
                    .forEach((language, phrases) -> phrases.forEach(
                            phrase -> terms.add(new LexiconTerm(i.id(), phrase, language, language.equals("und")))));
            i.hedges()
                    .forEach((language, phrases) -> phrases.forEach(phrase -> terms.add(
                            new LexiconTerm(CueStatements.hedge(i.id()), phrase, language, language.equals("und")))));
        }
        return LexiconMatcher.compile(terms);
    }

    private static List<CrimeArea> crimeAreas(DefinitionFile file, MethodologyFile methodology) {
        List<CrimeArea> areas = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CrimeAreaEntry entry : Required.in(file, "id", null).list(methodology.crimeAreas(), "crimeAreas")) {
            String id = Required.in(file, "id", null).text(entry.id(), "crimeAreas[].id");
            Required check = Required.in(file, "id", id);
            if (!ids.add(id)) {
                throw check.fail("crime area is defined twice");
            }
            areas.add(new CrimeArea(id, check.text(entry.label(), "label")));
        }
        return areas;
    }

    private static DefinitionFile replaced(DefinitionFiles files, String name, List<DefinitionFile> used) {
        DefinitionFile file = files.override(name).orElseGet(() -> files.defaults(name));
        used.add(file);
        return file;
    }

    private static List<DefinitionFile> extended(DefinitionFiles files, String name, List<DefinitionFile> used) {
        List<DefinitionFile> chain = new ArrayList<>();
        chain.add(files.defaults(name));
        Optional<DefinitionFile> override = files.override(name);
        override.ifPresent(chain::add);
        used.addAll(chain);
        return chain;
    }

    private static String digest(List<DefinitionFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DefinitionFile file : files) {
                sha.update(file.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.bytes());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
