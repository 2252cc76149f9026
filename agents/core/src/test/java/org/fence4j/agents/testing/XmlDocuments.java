package org.fence4j.agents.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Parses metadata back with the JDK's parser: a parse error fails the test (well-formedness). */
public final class XmlDocuments {
    private XmlDocuments() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The child elements of {@code parent} with the given tag, in document order. */
    public static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(tag)) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    public static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + tag + "> in <" + parent.getNodeName() + ">, found " + found.size());
        }
        return found.get(0);
    }
}
