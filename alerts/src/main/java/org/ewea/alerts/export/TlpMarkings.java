package org.ewea.alerts.export;

import java.util.Locale;
import java.util.Map;
import org.ewea.methodology.Tlp;

/**
 * The TLP 2.0 marking definitions as STIX 2.1 identifies them (the OASIS TLP 2.0 extension's fixed ids) and as MISP
 * tags them.
 */
final class TlpMarkings {

    static final String EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    private static final Map<Tlp, String> IDS = Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private TlpMarkings() {}

    static String id(Tlp tlp) {
        return IDS.get(tlp);
    }

    /** The extension's level name: clear, green, amber, amber+strict, red. */
    static String level(Tlp tlp) {
        return tlp.label().substring("TLP:".length()).toLowerCase(Locale.ROOT);
    }

    /** The MISP tag, e.g. {@code tlp:amber+strict}. */
    static String mispTag(Tlp tlp) {
        return "tlp:" + level(tlp);
    }
}
