package org.ewea.methodology.definition;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ewea.methodology.authority.AuthorityWarning;
import org.ewea.methodology.authority.AuthorityWarnings;
import org.ewea.methodology.taxonomy.Taxonomy;

/** Validates {@code authority-warnings.yaml}: known technologies, dates as YYYY-MM-DD or YYYY-MM, the required texts. */
final class AuthorityWarningsDefinition {

    static final Set<String> CONFIDENCE = Set.of("high", "medium", "low");

    private AuthorityWarningsDefinition() {}

    static AuthorityWarnings build(
            DefinitionFile file, DefinitionRecords.AuthorityWarningsFile definition, Taxonomy taxonomy) {
        List<AuthorityWarning> warnings = new ArrayList<>();
        for (DefinitionRecords.AuthorityWarningEntry e : Required.orEmpty(definition.warnings())) {
            String technology = Required.in(file, "technology", null).text(e.technology(), "warnings[].technology");
            Required check = Required.in(file, "technology", technology);
            if (taxonomy.find(technology).isEmpty()) {
                throw check.fail("is not a technology of the taxonomy");
            }
            String date = check.text(e.date(), "date");
            LocalDate day;
            boolean monthOnly = date.length() == 7;
            try {
                day = monthOnly ? YearMonth.parse(date).atDay(1) : LocalDate.parse(date);
            } catch (DateTimeParseException ex) {
                throw check.fail("date '" + date + "' is not YYYY-MM-DD or YYYY-MM");
            }
            String confidence = e.confidence() == null ? "low" : e.confidence().strip();
            if (!CONFIDENCE.contains(confidence)) {
                throw check.fail("confidence must be one of " + CONFIDENCE);
            }
            warnings.add(new AuthorityWarning(
                    technology,
                    check.text(e.authority(), "authority"),
                    day,
                    monthOnly,
                    check.text(e.title(), "title"),
                    e.url() == null ? "" : e.url().strip(),
                    e.terms() == null ? "" : e.terms().strip(),
                    confidence,
                    e.note() == null ? "" : e.note().strip()));
        }
        return new AuthorityWarnings(warnings);
    }
}
