package io.entente.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML for REFI-QDA files, read safely: DOCTYPE declarations are refused outright, so neither external
 * entities (XXE) nor entity expansion (XML bombs) can happen; no external DTD or schema is fetched.
 */
final class Xml {
    static final String PROJECT_NS = "urn:QDA-XML:project:1.0";
    static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

    private Xml() {
    }

    private static final ErrorHandler QUIET = new ErrorHandler() {
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
    };

    /** The parsed document; any problem names {@code origin} and the line. */
    static Document parse(String origin, byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();   // the JDK's, whatever else is on the class path
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(QUIET);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("DOCTYPE") || m.contains("disallow-doctype-decl")) {
                m = "a DOCTYPE declaration is refused (REFI-QDA files need none; no DTDs, external entities or entity expansion are read)";
            }
            throw new InteropException(origin, "line " + e.getLineNumber(), "not valid XML: " + m, e);
        } catch (SAXException | IOException e) {
            throw new InteropException(origin, "", "not valid XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty namespace-aware document. */
    static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();   // the JDK's, whatever else is on the class path
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document as indented UTF-8 XML text with a declaration. */
    static String write(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            doc.setXmlStandalone(true);
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + w;
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problems of {@code xml} against the schema (empty when it validates), each with its line. */
    static List<String> validate(Path xsd, byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            SchemaFactory sf = SchemaFactory.newDefaultInstance();
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            Schema schema = sf.newSchema(xsd.toFile());
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** The child elements of {@code parent} with that local name (any namespace), in order. */
    static List<Element> children(Node parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Node parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The attribute's value, or null when it is absent. */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** An element's path for messages: {@code Code 'name'} or the element name. */
    static String describe(Element e) {
        String name = attr(e, "name");
        return "<" + e.getLocalName() + (name != null ? " name=\"" + name + "\"" : "") + ">";
    }
}
