package org.ewea.collectors.enrich;

import java.util.List;

/**
 * What enrichment found in an item.
 *
 * @param tags taxonomy technologies mentioned, with how often and where first (offset in title + "\n" + text)
 * @param entities entities mentioned, each once, with how often
 * @param methodologyVersion the methodology version id the tags were made under ("" when untagged)
 */
public record ItemAnnotations(List<Tag> tags, List<Entity> entities, String methodologyVersion) {

    public static final ItemAnnotations NONE = new ItemAnnotations(List.of(), List.of(), "");

    public ItemAnnotations {
        tags = List.copyOf(tags);
        entities = List.copyOf(entities);
    }

    /**
     * @param technology taxonomy id
     * @param count mentions
     * @param firstOffset offset of the first mention
     * @param term the term first matched
     */
    public record Tag(String technology, int count, int firstOffset, String term) {}

    /**
     * @param type cve, btc, eth, xmr, onion, email, attack-group or attack-software
     * @param value normalised value (CVE upper-case, onion and e-mail lower-case; ATT&CK: the ATT&CK id)
     * @param count mentions
     * @param label the ATT&CK name for ATT&CK entities, otherwise the value
     */
    public record Entity(String type, String value, int count, String label) {}
}
