package org.ewea.alerts.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ewea.methodology.definition.DefinitionFile;
import org.ewea.methodology.definition.YamlReader;
import org.jspecify.annotations.Nullable;

/**
 * The rules file ({@code alert-rules.yaml}): the shipped defaults, or a file an operator names with
 * {@code EWEA_ALERTS_RULES_FILE}. Read strictly: unknown keys, unknown ids, duplicate ids and invalid parameters are
 * errors naming the file, the line and the reason.
 */
public final class AlertRuleFile {

    static final String DEFAULTS = "org/ewea/alerts/alert-rules.yaml";

    /** The file's content. */
    public record Content(List<AlertRule> rules) {

        public Content {
            rules = List.copyOf(rules);
        }
    }

    private final YamlReader yaml = new YamlReader();
    private final AlertRuleValidator validator;

    public AlertRuleFile(AlertRuleValidator validator) {
        this.validator = validator;
    }

    /** Reads the file, or the shipped defaults when {@code path} is null. */
    public List<AlertRule> read(@Nullable Path path) {
        DefinitionFile file = path == null ? shipped() : file(path);
        Content content = yaml.read(file, Content.class);
        Set<String> ids = new HashSet<>();
        for (AlertRule rule : content.rules()) {
            List<RuleProblem> problems = validator.problems(rule);
            if (!problems.isEmpty()) {
                throw file.errorAt(
                        "id",
                        String.valueOf(rule.id()),
                        "rule '" + rule.id() + "': "
                                + String.join(
                                        "; ",
                                        problems.stream()
                                                .map(RuleProblem::toString)
                                                .toList()));
            }
            if (!ids.add(rule.id())) {
                throw file.errorAt("id", rule.id(), "rule id '" + rule.id() + "' is used twice");
            }
        }
        return content.rules();
    }

    private static DefinitionFile shipped() {
        try (InputStream in = AlertRuleFile.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the shipped " + DEFAULTS + " is missing from the class path");
            }
            return new DefinitionFile(
                    "alert-rules.yaml", "classpath:" + DEFAULTS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefinitionFile file(Path path) {
        try {
            return new DefinitionFile(path.getFileName().toString(), path.toString(), Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alert rules file " + path, e);
        }
    }
}
