package org.fence4j.agents.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads {@code stonith_admin --history --output-as xml} (Pacemaker 2.1):
 * <pre>{@code
 * <pacemaker-result api-version="2.25" request="stonith_admin --history * --verbose --output-as xml">
 *   <list name="fencing history" count="2">
 *     <fence_event action="reboot" target="pm04" client="stonith_admin.16718" origin="node1" status="pending"
 *         extended-status="1"/>
 *     <fence_event action="off" target="pm02" client="pacemaker-controld.1185" origin="node1" status="failed"
 *         exit-reason="Fence agent did not complete within 30s" delegate="node2" completed="2026-12-07 04:26:45Z"/>
 *   </list>
 *   <status code="0" message="OK"/>
 * </pacemaker-result>
 * }</pre>
 * and on an error, {@code <status code="102" message="Not connected"><errors><error>Could not connect to
 * fencer: ...</error></errors></status>}. With the JDK's parser, no DTD and no external entity.
 */
final class FenceHistoryXml {
    /** {@code 2026-12-07 04:26:15Z}; a fraction or a numeric offset tolerated, no offset read as local time. */
    private static final DateTimeFormatter COMPLETED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().appendPattern("[XXX][XX]").optionalEnd()
            .toFormatter(Locale.ROOT);

    private FenceHistoryXml() {
    }

    /**
     * The events in {@code xml}, or why there are none: the error stonith_admin reports.
     *
     * @throws IOException it is not the XML stonith_admin writes
     */
    static ClusterHistory read(byte[] xml, ZoneId localZone) throws IOException {
        Element result = parse(xml).getDocumentElement();
        if (!"pacemaker-result".equals(result.getTagName())) {
            throw new IOException("expected <pacemaker-result>, got <" + result.getTagName() + ">");
        }
        Element status = first(result, "status");
        if (status != null && !"0".equals(status.getAttribute("code"))) {
            return ClusterHistory.unavailable(errors(status));
        }
        List<ClusterEvent> events = new ArrayList<>();
        NodeList found = result.getElementsByTagName("fence_event");
        for (int i = 0; i < found.getLength(); i++) {
            events.add(event((Element) found.item(i), localZone));
        }
        return ClusterHistory.of(events);
    }

    private static ClusterEvent event(Element e, ZoneId localZone) throws IOException {
        String completed = attribute(e, "completed");
        return new ClusterEvent(attribute(e, "target"), attribute(e, "action"), attribute(e, "status"),
                attribute(e, "exit-reason"), attribute(e, "client"), attribute(e, "origin"), attribute(e, "delegate"),
                completed == null ? null : instant(completed, localZone));
    }

    /** An attribute's value; null when absent (the DOM's empty string for it would read as a value). */
    private static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    static Instant instant(String completed, ZoneId localZone) throws IOException {
        try {
            TemporalAccessor parsed = COMPLETED.parse(completed.strip());
            LocalDateTime time = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? time.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : time.atZone(localZone).toInstant();
        } catch (DateTimeException e) {
            throw new IOException("completed=\"" + completed + "\" is not a time such as 2026-12-07 04:26:15Z", e);
        }
    }

    /** The error lines, else the status message: "Could not connect to fencer: ...". */
    private static String errors(Element status) {
        List<String> lines = new ArrayList<>();
        NodeList errors = status.getElementsByTagName("error");
        for (int i = 0; i < errors.getLength(); i++) {
            lines.add(errors.item(i).getTextContent().strip());
        }
        return lines.isEmpty() ? status.getAttribute("message") + " (code " + status.getAttribute("code") + ")"
                : String.join("; ", lines);
    }

    private static Element first(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(Quiet.INSTANCE);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** No DOCTYPE at all, so no entity of any kind; nothing fetched from outside. */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Errors are thrown, not printed: the JDK's default handler writes "[Fatal Error]" on stderr. */
    private enum Quiet implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
