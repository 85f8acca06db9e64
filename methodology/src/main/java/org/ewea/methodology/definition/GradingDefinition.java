package org.ewea.methodology.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ewea.methodology.definition.DefinitionRecords.CodeEntry;
import org.ewea.methodology.definition.DefinitionRecords.DimensionEntry;
import org.ewea.methodology.definition.DefinitionRecords.GradingFile;
import org.ewea.methodology.definition.DefinitionRecords.SchemeEntry;
import org.ewea.methodology.grading.GradingCode;
import org.ewea.methodology.grading.GradingDimension;
import org.ewea.methodology.grading.GradingScheme;

/** Validates grading.yaml into grading schemes. */
final class GradingDefinition {

    static final Set<String> KINDS = Set.of("source", "information", "handling");

    private GradingDefinition() {}

    static List<GradingScheme> build(DefinitionFile file, GradingFile grading) {
        List<GradingScheme> schemes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SchemeEntry s : Required.in(file, "id", null).list(grading.schemes(), "schemes")) {
            String id = Required.in(file, "id", null).text(s.id(), "schemes[].id");
            Required check = Required.in(file, "id", id);
            if (!ids.add(id)) {
                throw check.fail("scheme id is defined twice");
            }
            List<GradingDimension> dimensions = new ArrayList<>();
            Set<String> kinds = new HashSet<>();
            for (DimensionEntry d : check.list(s.dimensions(), "dimensions")) {
                String dimId = check.text(d.id(), "dimensions[].id");
                String kind = check.text(d.kind(), "dimension " + dimId + ".kind");
                if (!KINDS.contains(kind)) {
                    throw check.fail("dimension " + dimId + ": kind '" + kind + "' must be one of " + KINDS);
                }
                if (!kinds.add(kind)) {
                    throw check.fail("two dimensions of kind '" + kind + "'");
                }
                List<GradingCode> codes = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (CodeEntry c : check.list(d.codes(), "dimension " + dimId + ".codes")) {
                    String code = check.text(c.code(), "dimension " + dimId + ".codes[].code");
                    if (!seen.add(code.toUpperCase(Locale.ROOT))) {
                        throw check.fail("dimension " + dimId + ": code '" + code + "' is listed twice");
                    }
                    double score = check.value(c.score(), "code " + code + ".score");
                    if (score < 0 || score > 1) {
                        throw check.fail("code " + code + ": score must be between 0 and 1, was " + score);
                    }
                    codes.add(new GradingCode(
                            code,
                            check.text(c.meaning(), "code " + code + ".meaning"),
                            score,
                            Boolean.TRUE.equals(c.unknown())));
                }
                boolean required = d.required() == null || d.required();
                if (d.defaultCode() != null && !seen.contains(d.defaultCode().toUpperCase(Locale.ROOT))) {
                    throw check.fail(
                            "dimension " + dimId + ": default '" + d.defaultCode() + "' is not one of its codes");
                }
                dimensions.add(new GradingDimension(
                        dimId,
                        kind,
                        check.text(d.name(), "dimension " + dimId + ".name"),
                        required,
                        d.defaultCode(),
                        codes));
            }
            schemes.add(new GradingScheme(
                    id, check.text(s.name(), "name"), s.description() == null ? "" : s.description(), dimensions));
        }
        return schemes;
    }
}
