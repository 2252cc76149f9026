package org.fence4j.bin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The fencing configuration of a CIB file, handed to a {@link StandaloneFencer} as a cluster's CIB
 * manager hands it to pacemaker-fenced: every stonith primitive as a device with its instance
 * attributes (pcmk_* included, which the fencer reads itself), every fencing level as a level.
 */
final class CibFencing {
    private CibFencing() {
    }

    /** Registers the CIB's devices and levels with the fencer. */
    static void register(Path cib, StandaloneFencer fencer) {
        Document doc = parse(cib);
        for (Element primitive : elements(doc, "//primitive[@class='stonith']")) {
            List<String> options = new ArrayList<>();
            for (Element nvpair : elements(primitive, "instance_attributes/nvpair")) {
                options.add(nvpair.getAttribute("name") + "=" + nvpair.getAttribute("value"));
            }
            fencer.register(primitive.getAttribute("id"), primitive.getAttribute("type"),
                    options.toArray(String[]::new));
        }
        for (Element level : elements(doc, "//fencing-level")) {
            fencer.registerLevel(level.getAttribute("target"), Integer.parseInt(level.getAttribute("index")),
                    level.getAttribute("devices"));
        }
    }

    private static Document parse(Path cib) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(cib.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("cannot read the CIB file " + cib, e);
        }
    }

    private static List<Element> elements(Node context, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context,
                    XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
