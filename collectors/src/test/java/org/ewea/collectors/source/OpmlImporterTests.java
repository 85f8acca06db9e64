package org.ewea.collectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.ewea.collectors.testing.Fixtures.resource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.ewea.collectors.testing.Fixtures;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpmlImporterTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private SourceRepository repository;
    private OpmlImporter importer;

    @BeforeEach
    void create() {
        repository = new SourceRepository(STORE.freshDatabase());
        importer = new OpmlImporter(
                repository, TestSources.validator(), InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")));
    }

    @Test
    void importsFeedsWithCategoryTagsAndReportsWhatItSkipped() {
        OpmlImportReport report =
                importer.importOpml(resource("opml/small.opml"), new OpmlImporter.Defaults("C3", "GREEN", null));
        assertThat(report.feeds()).isEqualTo(6);
        assertThat(report.imported()).isEqualTo(4);
        assertThat(report.skipped())
                .extracting(OpmlImportReport.Skipped::reason)
                .anySatisfy(r -> assertThat(r).contains("more than once"))
                .anySatisfy(r -> assertThat(r).contains("http or https"));
        assertThat(report.importedIds())
                .containsExactly(
                        "krebs-on-security", "krebs-on-security-2", "unicode-feed", "untitled-example-net-rss");
        Source unicode = repository.find(new SourceId("unicode-feed")).orElseThrow();
        assertThat(unicode.tags()).containsExactly("Cybercrime & Darknet", "Nested");
        assertThat(unicode.language()).isEqualTo("de");
        assertThat(unicode.grading().code()).isEqualTo("C3");
        assertThat(unicode.tlp()).isEqualTo(Tlp.GREEN);

        OpmlImportReport again =
                importer.importOpml(resource("opml/small.opml"), new OpmlImporter.Defaults(null, null, null));
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).hasSize(6);
        assertThat(repository.count(null, null, null)).isEqualTo(4);
    }

    @Test
    void importsTheS33rCatalogueOfAboutSevenHundredFeeds() throws Exception {
        Path opml = Fixtures.sharedCorpus()
                .map(c -> c.resolve("s33r-security-news/sec_feeds.xml"))
                .orElse(null);
        Assumptions.assumeTrue(opml != null && Files.exists(opml), "../shared/corpus is not available");
        OpmlImportReport report =
                importer.importOpml(Files.readAllBytes(opml), new OpmlImporter.Defaults(null, null, null));
        assertThat(report.feeds()).isEqualTo(702);
        assertThat(report.imported() + report.skipped().size()).isEqualTo(702);
        assertThat(report.imported()).isGreaterThanOrEqualTo(690);
        assertThat(repository.count(null, null, null)).isEqualTo(report.imported());
        assertThat(repository.page("krebs", null, null, 0, 10))
                .extracting(s -> s.tags())
                .anySatisfy(tags -> assertThat(tags).contains("Cybercrime, Darknet & Leaks"));
    }

    @Test
    void rejectsMalformedDocumentsAndImportsNothing() {
        for (String bad : new String[] {
            "<opml><body><outline xmlUrl='https://a.example/rss'></body></opml>",
            "<rss version='2.0'><channel/></rss>",
            "<opml version='2.0'><head/></opml>",
            "<opml><body><outline title='category only'/></body></opml>",
            "",
            "not xml at all"
        }) {
            assertThatExceptionOfType(InvalidOpmlException.class)
                    .as(bad)
                    .isThrownBy(() -> importer.importOpml(
                            bad.getBytes(StandardCharsets.UTF_8), new OpmlImporter.Defaults(null, null, null)));
        }
        assertThat(repository.count(null, null, null)).isZero();
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpanded() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE opml [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<opml><body><outline title='&x;' xmlUrl='https://a.example/rss'/></body></opml>";
        assertThatExceptionOfType(InvalidOpmlException.class)
                .isThrownBy(() -> importer.importOpml(
                        xxe.getBytes(StandardCharsets.UTF_8), new OpmlImporter.Defaults(null, null, null)))
                .withMessageContaining("DOCTYPE");
        assertThat(repository.count(null, null, null)).isZero();
    }

    @Test
    void anExportImportedIntoAnEmptyCatalogueGivesTheSameCatalogueWithoutItsCredentials() {
        SourceValidator validator = TestSources.validator();
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        List<Source> catalogue = List.of(
                validator.validate(
                        new SourceSpec(
                                "krebs",
                                "feed",
                                "Krebs on Security",
                                "https://krebsonsecurity.com/feed/",
                                null,
                                "0 0 * * * ?",
                                "en",
                                "B2",
                                "GREEN",
                                List.of("news", "en"),
                                null,
                                true,
                                false,
                                null,
                                "europol:H2"),
                        now),
                validator.validate(
                        new SourceSpec(
                                "heise",
                                "feed",
                                "heise Security \"<&>\"",
                                "https://www.heise.de/security/rss/news-atom.xml",
                                null,
                                null,
                                "de",
                                "C3",
                                "CLEAR",
                                List.of("news"),
                                null,
                                false,
                                false,
                                null,
                                null),
                        now),
                validator.validate(
                        new SourceSpec(
                                "portal",
                                "folder",
                                "Negotiation portals (mirror)",
                                null,
                                "/data/mirrors/chats",
                                null,
                                null,
                                "C3",
                                "AMBER",
                                List.of("dark-web"),
                                null,
                                true,
                                false,
                                "ransomchats",
                                null),
                        now),
                validator.validate(
                        new SourceSpec(
                                "news-2025",
                                "warc",
                                "News recording 2025",
                                null,
                                "/data/recordings/news-2025.warc.gz",
                                null,
                                "en",
                                "B2",
                                "CLEAR",
                                List.of("news"),
                                null,
                                false,
                                false,
                                null,
                                null),
                        now),
                validator.validate(
                        new SourceSpec(
                                "paid",
                                "feed",
                                "Paid feed",
                                "https://user:s3cret@paid.example/rss",
                                null,
                                null,
                                null,
                                "B2",
                                "CLEAR",
                                List.of("news"),
                                null,
                                true,
                                false,
                                null,
                                null),
                        now));
        byte[] opml = new OpmlExporter().export(catalogue, "EW/EA sources", now);
        String text = new String(opml, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "<opml version=\"2.0\"",
                        "xmlns:ewea=\"urn:ewea:opml:1\"",
                        "type=\"rss\"",
                        "xmlUrl=\"https://krebsonsecurity.com/feed/\"",
                        "ewea:credentialsWithheld=\"true\"")
                .doesNotContain("s3cret");

        OpmlImportReport report = importer.importOpml(opml, new OpmlImporter.Defaults("F6", "CLEAR", null));
        assertThat(report.importedIds()).containsExactlyInAnyOrder("krebs", "heise", "portal", "news-2025");
        assertThat(report.skipped())
                .singleElement()
                .satisfies(sk -> assertThat(sk.reason()).contains("credentials"));
        for (Source original : catalogue.subList(0, 4)) {
            Source imported = repository.find(original.id()).orElseThrow();
            assertThat(imported.withTimes(original.created(), original.updated()))
                    .as(original.id().value())
                    .isEqualTo(original);
        }
        assertThat(new OpmlExporter().export(repository.all(Clearance.FULL), "EW/EA sources", now))
                .as("exported again: the same document but for the source it could not carry")
                .isEqualTo(new OpmlExporter().export(catalogue.subList(0, 4), "EW/EA sources", now));

        OpmlImportReport again = importer.importOpml(opml, new OpmlImporter.Defaults(null, null, null));
        assertThat(again.imported())
                .as("everything is in the catalogue already")
                .isZero();
    }

    @Test
    void anImporterIsRefusedTheSourcesItMayNotCreateAndTheRestIsImported() {
        SourceValidator validator = TestSources.validator();
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        byte[] opml = new OpmlExporter()
                .export(
                        List.of(
                                validator.validate(
                                        new SourceSpec(
                                                "open",
                                                "feed",
                                                "Open",
                                                "https://open.example/rss",
                                                null,
                                                null,
                                                null,
                                                "B2",
                                                "CLEAR",
                                                List.of(),
                                                null,
                                                true,
                                                false,
                                                null,
                                                null),
                                        now),
                                validator.validate(
                                        new SourceSpec(
                                                "red",
                                                "feed",
                                                "Red",
                                                "https://red.example/rss",
                                                null,
                                                null,
                                                null,
                                                "B2",
                                                "RED",
                                                List.of(),
                                                null,
                                                true,
                                                false,
                                                null,
                                                null),
                                        now)),
                        "s",
                        now);
        OpmlImportReport report = importer.importOpml(
                opml,
                new OpmlImporter.Defaults(null, null, null),
                source -> source.tlp() == Tlp.RED ? "marked above your clearance" : null);
        assertThat(report.importedIds()).containsExactly("open");
        assertThat(report.skipped())
                .singleElement()
                .satisfies(sk -> assertThat(sk.reason()).isEqualTo("marked above your clearance"));
    }
}
