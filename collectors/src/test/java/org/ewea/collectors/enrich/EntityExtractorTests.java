package org.ewea.collectors.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ewea.collectors.testing.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityExtractorTests {

    private static final EntityExtractor PLAIN = new EntityExtractor(AttackNames.none());

    private static List<String> found(EntityExtractor extractor, String text) {
        return extractor.extract(text).stream()
                .map(e -> e.type() + ":" + e.value())
                .toList();
    }

    @Test
    void findsCveIdsNormalisedAndCounted() {
        List<ItemAnnotations.Entity> entities = PLAIN.extract("Patch cve-2025-54253 now; CVE-2025-54253 and "
                + "CVE-2024-1234567 are exploited. Not CVE-25-1 or CVE-2025-12.");
        assertThat(entities)
                .extracting(ItemAnnotations.Entity::value)
                .containsExactly("CVE-2025-54253", "CVE-2024-1234567");
        assertThat(entities.getFirst().count()).isEqualTo(2);
    }

    @Test
    void acceptsBitcoinAddressesOnlyWithAValidChecksum() {
        assertThat(found(
                        PLAIN,
                        "pay 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy or "
                                + "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
                .containsExactly(
                        "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
                        "btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
                        "btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        assertThat(found(
                        PLAIN,
                        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz "
                                + "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr"))
                .isEmpty();
    }

    @Test
    void findsEthereumMoneroOnionAndEmail() {
        String text = "ETH 0x52908400098527886E0F7030069857D2E4169EE7, XMR "
                + "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A,"
                + " portal http://DuckDuckGoGg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion/chat, mail "
                + "Support@Lockbit-Decryptor.example.";
        assertThat(found(PLAIN, text))
                .containsExactly(
                        "eth:0x52908400098527886e0f7030069857d2e4169ee7",
                        "xmr:44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A",
                        "onion:duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion",
                        "email:support@lockbit-decryptor.example");
    }

    @Test
    void findsAttackNamesWithTheirCaseAndSkipsCommonWords() {
        EntityExtractor extractor = new EntityExtractor(AttackNames.of(List.of(
                new AttackNames.Name("S0575", "attack-software", "Conti", "Conti"),
                new AttackNames.Name("G1024", "attack-group", "Akira", "Akira"),
                new AttackNames.Name("S0154", "attack-software", "Cobalt Strike", "Cobalt Strike"),
                new AttackNames.Name("S1162", "attack-software", "Play", "Play"))));
        assertThat(found(extractor, "Conti and Akira used cobalt strike; akira is lower case; let's Play."))
                .containsExactly("attack-software:S0575", "attack-group:G1024", "attack-software:S0154");
    }

    @Test
    void readsAttackStixData() throws Exception {
        Path stix = Fixtures.sharedCorpus()
                .map(c -> c.resolve("mitre-attack/attack_objects.jsonl"))
                .orElse(null);
        Assumptions.assumeTrue(stix != null && Files.exists(stix), "../shared/corpus is not available");
        AttackNames names = AttackNames.read(stix);
        assertThat(names.names()).extracting(AttackNames.Name::attackId).contains("S0575", "G1024", "S1070");
        EntityExtractor extractor = new EntityExtractor(names);
        assertThat(found(extractor, "Black Basta affiliates deployed Cobalt Strike before the Akira wave"))
                .contains("attack-software:S1070", "attack-software:S0154", "attack-group:G1024");
        assertThat(names.createdBySeries())
                .containsEntry("attack-group:G1024", LocalDate.parse("2024-02-20"))
                .containsEntry("attack-software:S0575", LocalDate.parse("2021-02-17"));
    }

    @Test
    void keepsEachEntrysCreationDayAsItsLabel(@TempDir Path dir) throws Exception {
        Path stix = dir.resolve("attack.json");
        Files.writeString(stix, """
                {"type": "bundle", "objects": [
                 {"type": "intrusion-set", "name": "Nightmoth", "aliases": ["Nightmoth", "NM"],
                  "created": "2024-03-05T10:00:00.000Z",
                  "external_references": [{"source_name": "mitre-attack", "external_id": "G9001"}]},
                 {"type": "malware", "name": "Dusk", "created": "not a date",
                  "external_references": [{"source_name": "mitre-attack", "external_id": "S9001"}]},
                 {"type": "tool", "name": "Old", "revoked": true, "created": "2019-01-01T00:00:00Z",
                  "external_references": [{"source_name": "mitre-attack", "external_id": "S9002"}]}]}
                """);
        AttackNames names = AttackNames.read(stix);
        assertThat(names.names())
                .extracting(AttackNames.Name::alias)
                .containsExactlyInAnyOrder("Nightmoth", "NM", "Dusk");
        assertThat(names.createdBySeries())
                .containsExactly(Map.entry("attack-group:G9001", LocalDate.parse("2024-03-05")));
    }
}
