package org.ewea.methodology.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grading schemes in use: parsing and validating written grades, applying per-item overrides to per-source
 * defaults, and mapping a grade into another scheme by the common score of each code (nearest score; ties go to the
 * more cautious code; "cannot be judged" maps to "cannot be judged").
 */
public final class GradingSchemes {

    private final Map<String, GradingScheme> schemes = new LinkedHashMap<>();
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    private final HandlingCodes handlingCodes;

    public GradingSchemes(List<GradingScheme> schemes) {
        for (GradingScheme scheme : schemes) {
            this.schemes.put(scheme.id(), scheme);
            this.patterns.put(scheme.id(), pattern(scheme));
        }
        this.handlingCodes = new HandlingCodes(schemes);
    }

    /** The handling codes of every scheme, as sources, items and readers' clearances name them. */
    public HandlingCodes handlingCodes() {
        return handlingCodes;
    }

    private static Pattern pattern(GradingScheme scheme) {
        StringBuilder regex = new StringBuilder("^\\s*");
        for (int i = 0; i < scheme.dimensions().size(); i++) {
            GradingDimension d = scheme.dimensions().get(i);
            List<String> codes =
                    d.codes().stream().map(c -> Pattern.quote(c.code())).toList();
            String group = (i == 0 ? "" : "[-/\\s]*") + "(" + String.join("|", codes) + ")";
            regex.append(d.required() ? group : "(?:" + group + ")?");
        }
        return Pattern.compile(regex.append("\\s*$").toString(), Pattern.CASE_INSENSITIVE);
    }

    public Collection<GradingScheme> all() {
        return schemes.values();
    }

    public Optional<GradingScheme> scheme(String id) {
        return Optional.ofNullable(schemes.get(id));
    }

    /**
     * Parses a written grade such as {@code B2}, {@code 1/A/P} or {@code A1-H2}. Optional dimensions left out take
     * their default.
     *
     * @throws InvalidGradeException naming the scheme and what a valid grade looks like
     */
    public Grade parse(String schemeId, String text) {
        GradingScheme scheme = schemes.get(schemeId);
        if (scheme == null) {
            throw new InvalidGradeException("unknown grading scheme '" + schemeId + "': known schemes are "
                    + String.join(", ", schemes.keySet()));
        }
        Matcher matcher = patterns.get(schemeId).matcher(text);
        if (!matcher.matches()) {
            throw new InvalidGradeException(
                    "invalid " + scheme.name() + " grade '" + text + "': expected " + scheme.describeFormat());
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < scheme.dimensions().size(); i++) {
            GradingDimension d = scheme.dimensions().get(i);
            String code = matcher.group(i + 1);
            String canonical = code != null ? d.code(code).orElseThrow().code() : d.defaultCode();
            if (canonical != null) {
                codes.put(d.id(), canonical);
            }
        }
        return new Grade(schemeId, codes);
    }

    /** Whether the text is a valid grade of the scheme. */
    public boolean isValid(String schemeId, String text) {
        Pattern pattern = patterns.get(schemeId);
        return pattern != null && pattern.matcher(text).matches();
    }

    /**
     * The effective grade of an item: per dimension, its own grade where it states one (mapped into the source
     * default's scheme if written in another), else the source's default. Dimensions the item's scheme does not have
     * (e.g. handling codes, for an Admiralty grade) keep the source's code.
     */
    public Grade effective(Grade sourceDefault, Optional<Grade> itemOverride) {
        if (itemOverride.isEmpty()) {
            return sourceDefault;
        }
        Grade given = itemOverride.get();
        Grade override = convert(given, sourceDefault.scheme());
        GradingScheme givenScheme = schemes.get(given.scheme());
        GradingScheme target = schemes.get(sourceDefault.scheme());
        Map<String, String> codes = new LinkedHashMap<>(sourceDefault.codes());
        for (GradingDimension dimension : target.dimensions()) {
            // Only what the item's grade actually states overrides: a scheme without handling codes must never
            // replace the source's handling code with a default (that would loosen it).
            boolean stated = givenScheme
                    .dimensionOfKind(dimension.kind())
                    .map(d -> given.codes().containsKey(d.id()))
                    .orElse(false);
            if (stated && override.codes().containsKey(dimension.id())) {
                codes.put(dimension.id(), override.codes().get(dimension.id()));
            }
        }
        return new Grade(sourceDefault.scheme(), codes);
    }

    /** The grade mapped into another scheme, dimension kind by dimension kind. */
    public Grade convert(Grade grade, String targetSchemeId) {
        if (grade.scheme().equals(targetSchemeId)) {
            return grade;
        }
        GradingScheme from = schemes.get(grade.scheme());
        GradingScheme to = schemes.get(targetSchemeId);
        if (from == null || to == null) {
            throw new InvalidGradeException(
                    "unknown grading scheme '" + (from == null ? grade.scheme() : targetSchemeId) + "'");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (GradingDimension target : to.dimensions()) {
            Optional<GradingCode> source = from.dimensionOfKind(target.kind())
                    .flatMap(d -> Optional.ofNullable(grade.codes().get(d.id())).flatMap(d::code));
            if (source.isPresent()) {
                codes.put(target.id(), nearest(source.get(), target).code());
            } else if (target.defaultCode() != null) {
                codes.put(target.id(), target.defaultCode());
            } else if (target.required()) {
                codes.put(
                        target.id(),
                        target.unknownCode().orElse(target.codes().getLast()).code());
            }
        }
        return new Grade(targetSchemeId, codes);
    }

    private static GradingCode nearest(GradingCode code, GradingDimension target) {
        if (code.unknown() && target.unknownCode().isPresent()) {
            return target.unknownCode().get();
        }
        boolean handling = target.kind().equals("handling");
        GradingCode best = null;
        for (GradingCode candidate : target.codes()) {
            if (candidate.unknown()) {
                continue;
            }
            if (best == null) {
                best = candidate;
                continue;
            }
            double d = Math.abs(candidate.score() - code.score());
            double bestD = Math.abs(best.score() - code.score());
            boolean moreCautious = handling ? candidate.score() > best.score() : candidate.score() < best.score();
            if (d < bestD - 1e-9 || (Math.abs(d - bestD) <= 1e-9 && moreCautious)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The whole mapping table between two schemes, for documentation and the API. */
    public List<String> mappingTable(String fromId, String toId) {
        GradingScheme from = schemes.get(fromId);
        List<String> rows = new ArrayList<>();
        for (GradingDimension d : from.dimensions()) {
            for (GradingCode c : d.codes()) {
                Grade single = new Grade(fromId, Map.of(d.id(), c.code()));
                Grade mapped = convert(single, toId);
                String target = schemes.get(toId)
                        .dimensionOfKind(d.kind())
                        .map(t -> mapped.codes().getOrDefault(t.id(), "-"))
                        .orElse("-");
                rows.add(d.kind() + " " + c.code() + " -> " + target);
            }
        }
        return rows;
    }
}
