package org.ewea.collectors.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ewea.collectors.mirror.MirrorProfiles;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.grading.HandlingCodes;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/**
 * Turns a {@link SourceSpec} into a {@link Source}, checking every field and reporting all problems at once. Defaults:
 * kind feed, schedule hourly, grading F6 (cannot be judged), TLP CLEAR, no handling code, enabled, not local.
 */
public final class SourceValidator {

    /** Hourly, at a minute spread by the source id so that sources do not all start at once. */
    public static final String DEFAULT_SCHEDULE_FORMAT = "0 %d * * * ?";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private final MirrorProfiles profiles = new MirrorProfiles();
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} &/,.'()+_-]{1,80}");
    private final HandlingCodes handlingCodes;

    /** @param handlingCodes the handling codes of the grading schemes in force */
    public SourceValidator(HandlingCodes handlingCodes) {
        this.handlingCodes = handlingCodes;
    }

    public Source validate(SourceSpec spec, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        SourceId id = null;
        try {
            id = new SourceId(required(spec.id(), "id", errors));
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent("id", e.getMessage());
        }
        SourceKind kind = SourceKind.FEED;
        if (spec.kind() != null) {
            try {
                kind = SourceKind.parse(spec.kind());
            } catch (IllegalArgumentException e) {
                errors.put("kind", e.getMessage());
            }
        }
        String title = spec.title() == null || spec.title().isBlank()
                ? (spec.id() == null ? "" : spec.id())
                : spec.title().strip();
        if (title.length() > 300) {
            errors.put("title", "must be at most 300 characters");
        }
        URI url = null;
        String path = null;
        if (kind.isFetched()) {
            url = httpUrl(spec.url(), "url", errors);
        } else {
            path = required(spec.path(), "path", errors);
        }
        String schedule = spec.schedule() == null || spec.schedule().isBlank()
                ? String.format(
                        Locale.ROOT,
                        DEFAULT_SCHEDULE_FORMAT,
                        Math.floorMod(String.valueOf(spec.id()).hashCode(), 60))
                : spec.schedule().strip();
        if (!CronExpression.isValidExpression(schedule)) {
            errors.put(
                    "schedule",
                    "'" + schedule + "' is not a Quartz cron expression (seconds minutes hours"
                            + " day-of-month month day-of-week, e.g. '0 15 * * * ?' for every hour at :15)");
        }
        String language = spec.language() == null || spec.language().isBlank()
                ? null
                : spec.language().strip();
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.put("language", "'" + language + "' is not a BCP 47 language tag such as en, de or pt-BR");
        }
        AdmiraltyGrade grading = AdmiraltyGrade.UNGRADED;
        if (spec.grading() != null && !spec.grading().isBlank()) {
            try {
                grading = AdmiraltyGrade.parse(spec.grading());
            } catch (IllegalArgumentException e) {
                errors.put("grading", e.getMessage());
            }
        }
        Tlp tlp = Tlp.CLEAR;
        if (spec.tlp() != null && !spec.tlp().isBlank()) {
            try {
                tlp = Tlp.parse(spec.tlp());
            } catch (IllegalArgumentException e) {
                errors.put("tlp", e.getMessage());
            }
        }
        Handling handling = Handling.NONE;
        if (spec.handling() != null && !spec.handling().isBlank()) {
            try {
                handling = handlingCodes.parse(spec.handling());
                if (handling == Handling.ALL) {
                    errors.put("handling", "'all' is a reader's clearance, not a handling code of material");
                }
            } catch (IllegalArgumentException e) {
                errors.put("handling", e.getMessage());
            }
        }
        List<String> tags = new ArrayList<>();
        for (String tag : spec.tags() == null ? List.<String>of() : spec.tags()) {
            if (tag == null || !TAG.matcher(tag.strip()).matches()) {
                errors.put("tags", "each tag must be 1-80 letters, digits, spaces or & / , . ' ( ) + _ -");
                break;
            }
            tags.add(tag.strip());
        }
        if (tags.size() > 50) {
            errors.put("tags", "at most 50 tags");
        }
        URI proxy = proxy(spec.proxy(), errors);
        String profile = spec.profile() == null || spec.profile().isBlank()
                ? null
                : spec.profile().strip();
        if (profile != null) {
            var found = profiles.find(profile);
            if (kind != SourceKind.FOLDER && kind != SourceKind.WEB) {
                errors.put("profile", "only folder and web sources are read through a profile");
            } else if (found.isEmpty()) {
                errors.put("profile", "there is no profile '" + profile + "'");
            } else if (kind == SourceKind.WEB && found.get().html() == null) {
                errors.put(
                        "profile",
                        "web sources need an html profile; '" + profile + "' is "
                                + found.get().format());
            }
        } else if (kind == SourceKind.WEB) {
            errors.put("profile", "web sources need a site profile saying where the entries are on the page");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSourceException(errors);
        }
        return new Source(
                id,
                kind,
                title,
                url,
                path,
                schedule,
                language,
                grading,
                tlp,
                handling,
                tags,
                proxy,
                spec.enabled() == null || spec.enabled(),
                Boolean.TRUE.equals(spec.local()),
                now,
                now,
                profile);
    }

    private static String required(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return "";
        }
        return value.strip();
    }

    private static @Nullable URI httpUrl(@Nullable String text, String field, Map<String, String> errors) {
        String value = required(text, field, errors);
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.put(field, "'" + value + "' must be an absolute http or https URL");
                return null;
            }
            if (value.length() > 2000) {
                errors.put(field, "must be at most 2000 characters");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.put(field, "'" + value + "' is not a valid URL: " + e.getReason());
            return null;
        }
    }

    private static @Nullable URI proxy(@Nullable String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!List.of("http", "socks", "socks5").contains(scheme) || uri.getHost() == null || uri.getPort() < 1) {
                errors.put("proxy", "'" + text + "' must be http://host:port or socks5://host:port");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.put("proxy", "'" + text + "' is not a valid URI");
            return null;
        }
    }
}
