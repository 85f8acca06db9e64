package org.ewea.api.exercise;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.grading.HandlingCodes;

/**
 * Turns an item or tip inject into a capture the real capture pipeline processes: a one-entry Atom document written
 * with the JDK's StAX writer (so the trainer's text is escaped like any harvested text), from the inject's source (tips
 * from {@value #TIPS}), with the inject's grading, TLP and handling code.
 */
final class InjectCapture {

    static final String TIPS = "exercise-tips";

    private InjectCapture() {}

    /**
     * The capture of inject {@code number}; its URL and origin depend only on the number, so replaying the same
     * exercise definition under another id gives the same items.
     */
    static Capture of(int number, ExerciseDefinition.Inject inject, HandlingCodes codes) {
        boolean tip = "tip".equalsIgnoreCase(inject.type());
        String source = inject.source() != null ? inject.source() : TIPS;
        AdmiraltyGrade grade =
                inject.grading() != null ? AdmiraltyGrade.parse(inject.grading()) : AdmiraltyGrade.UNGRADED;
        Tlp tlp = marking(inject, codes).tlp();
        Handling handling = marking(inject, codes).handling();
        String link = inject.url() != null ? inject.url() : "https://exercise.invalid/injects/" + number;
        String title = inject.title() != null ? inject.title() : tip ? "Intelligence tip" : "Item";
        byte[] body = atom(
                source, printable(title), printable(inject.text() == null ? "" : inject.text()), link, inject.at());
        SourceDefinition definition = new SourceDefinition(
                new SourceId(source),
                "atom",
                tip ? "Exercise intelligence tips" : source,
                null,
                null,
                grade,
                tlp,
                handling);
        return new Capture(
                definition,
                "inject-" + number,
                URI.create("urn:ewea:exercise:inject:" + number),
                inject.at(),
                "application/atom+xml",
                body,
                Digests.sha256Hex(body));
    }

    /** The marking and handling code of an inject's items (a tip is GREEN unless it says otherwise). */
    static Clearance marking(ExerciseDefinition.Inject inject, HandlingCodes codes) {
        boolean tip = "tip".equalsIgnoreCase(inject.type());
        return new Clearance(
                inject.tlp() != null ? Tlp.parse(inject.tlp()) : tip ? Tlp.GREEN : Tlp.CLEAR,
                inject.handling() != null ? codes.parse(inject.handling()) : Handling.NONE);
    }

    private static byte[] atom(String source, String title, String text, String link, Instant at) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            String when = DateTimeFormatter.ISO_INSTANT.format(at);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "title", source);
            element(xml, "id", "urn:ewea:source:" + source.toLowerCase(Locale.ROOT));
            element(xml, "updated", when);
            xml.writeStartElement("entry");
            element(xml, "title", title);
            element(xml, "id", link);
            xml.writeEmptyElement("link");
            xml.writeAttribute("href", link);
            element(xml, "published", when);
            element(xml, "updated", when);
            xml.writeStartElement("content");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(text);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an inject as Atom", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Without the control characters XML 1.0 cannot carry. */
    private static String printable(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
