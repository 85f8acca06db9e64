package org.ewea.collectors.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ewea.methodology.lexicon.LexiconMatch;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.ewea.methodology.lexicon.LexiconTerm;

/**
 * Finds entities in text: CVE ids; Bitcoin addresses (legacy Base58Check and bech32, checksums verified, so random
 * strings of the right shape are not taken), Ethereum and Monero addresses; onion addresses (v3 and v2); e-mail
 * addresses; and ATT&CK group and software names (single-word names only with their exact case, and not when they
 * are common words).
 */
public final class EntityExtractor {

    private static final Pattern CVE = Pattern.compile("\\bCVE-(\\d{4})-(\\d{4,7})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BTC_LEGACY = Pattern.compile("\\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\\b");
    private static final Pattern BTC_BECH32 =
            Pattern.compile("\\bbc1[ac-hj-np-z02-9]{11,71}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ETH = Pattern.compile("\\b0x[a-fA-F0-9]{40}\\b");
    private static final Pattern XMR = Pattern.compile("\\b[48][1-9A-HJ-NP-Za-km-z]{94}\\b");
    private static final Pattern ONION =
            Pattern.compile("\\b(?:[a-z2-7]{56}|[a-z2-7]{16})\\.onion\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL =
            Pattern.compile("\\b[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}\\b");
    /** ATT&CK single-word names that are everyday words: matched only as part of longer names, if at all. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "play",
            "royal",
            "prestige",
            "cuba",
            "agent",
            "pony",
            "net",
            "ping",
            "tor",
            "reg",
            "at",
            "ftp",
            "cmd",
            "ssh",
            "route",
            "xcopy",
            "tasklist",
            "systeminfo",
            "expand",
            "mimic",
            "ember",
            "diamond",
            "ninja",
            "saint",
            "hermes",
            "janus",
            "mythic",
            "impacket",
            "mafia",
            "rover",
            "comrat",
            "ebury",
            "volt",
            "moonlight",
            "cactus");

    private final LexiconMatcher attackNames;
    private final Map<String, AttackNames.Name> attackById = new HashMap<>();

    public EntityExtractor(AttackNames attack) {
        List<LexiconTerm> terms = new ArrayList<>();
        for (AttackNames.Name name : attack.names()) {
            attackById.putIfAbsent(name.attackId(), name);
            String alias = name.alias();
            boolean singleWord = alias.matches("[\\p{L}\\p{N}]+");
            if (singleWord) {
                if (alias.length() >= 4 && !COMMON_WORDS.contains(alias.toLowerCase(Locale.ROOT))) {
                    terms.add(new LexiconTerm(name.attackId(), alias, "und", true));
                }
            } else if (alias.length() >= 5) {
                terms.add(new LexiconTerm(name.attackId(), alias, "und", false));
            }
        }
        this.attackNames = LexiconMatcher.compile(terms);
    }

    public List<ItemAnnotations.Entity> extract(String text) {
        Map<String, ItemAnnotations.Entity> found = new LinkedHashMap<>();
        collect(text, CVE, "cve", m -> true, m -> "CVE-" + m.group(1) + "-" + m.group(2), found);
        collect(text, BTC_LEGACY, "btc", CryptoChecksums::validBase58Check, m -> m.group(), found);
        collect(
                text,
                BTC_BECH32,
                "btc",
                CryptoChecksums::validBech32,
                m -> m.group().toLowerCase(Locale.ROOT),
                found);
        collect(text, ETH, "eth", m -> true, m -> m.group().toLowerCase(Locale.ROOT), found);
        collect(text, XMR, "xmr", m -> true, m -> m.group(), found);
        collect(text, ONION, "onion", m -> true, m -> m.group().toLowerCase(Locale.ROOT), found);
        collect(text, EMAIL, "email", m -> true, m -> m.group().toLowerCase(Locale.ROOT), found);
        for (LexiconMatch match : attackNames.match(text)) {
            AttackNames.Name name = attackById.get(match.technologyId());
            String key = name.type() + "|" + name.attackId();
            found.merge(
                    key,
                    new ItemAnnotations.Entity(name.type(), name.attackId(), 1, name.name()),
                    (a, b) -> new ItemAnnotations.Entity(a.type(), a.value(), a.count() + 1, a.label()));
        }
        return new ArrayList<>(found.values());
    }

    private static void collect(
            String text,
            Pattern pattern,
            String type,
            Predicate<String> valid,
            Function<Matcher, String> normalise,
            Map<String, ItemAnnotations.Entity> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!valid.test(m.group())) {
                continue;
            }
            String value = normalise.apply(m);
            found.merge(
                    type + "|" + value,
                    new ItemAnnotations.Entity(type, value, 1, value),
                    (a, b) -> new ItemAnnotations.Entity(a.type(), a.value(), a.count() + 1, a.label()));
        }
    }
}
