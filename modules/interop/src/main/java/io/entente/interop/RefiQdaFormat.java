package io.entente.interop;

import io.entente.core.Resources;
import io.entente.themes.Codebook;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * REFI-QDA codebooks ({@code .qdc}, QDA-XML codebook 1.0, as MAXQDA, NVivo, ATLAS.ti, QualCoder and
 * Taguette exchange them); also reads the code tree of a {@code .qdpx} project. Codes become themes
 * (nested codes {@code parent.child}), descriptions definitions, colours colours; code groups
 * ({@code <Sets>}) and notes are reported, not kept.
 */
public final class RefiQdaFormat implements CodebookFormat {
    @Override
    public String name() {
        return "refi-qda";
    }

    @Override
    public String description() {
        return "REFI-QDA codebook (.qdc; the code tree of a .qdpx project is read too): MAXQDA, NVivo, ATLAS.ti, QualCoder, Taguette";
    }

    @Override
    public List<String> extensions() {
        return List.of("qdc", "qdpx");
    }

    @Override
    public int detect(String fileName, byte[] content) {
        if (Qdpx.isZip(content)) {
            return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".qdpx") ? 2 : 1;
        }
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        return head.startsWith("<") && (head.contains("<CodeBook") || head.contains("urn:QDA-XML")) ? 2 : 0;
    }

    @Override
    public Imported read(Resources.Loaded file, PolarityMap polarities) {
        Notes notes = new Notes();
        Element codebook;
        if (Qdpx.isZip(file.bytes())) {
            Document project = Qdpx.project(file.origin(), file.bytes());
            codebook = Xml.child(project.getDocumentElement(), "CodeBook");
            if (codebook == null) {
                throw new InteropException(file.origin(), "project.qde", "the project has no <CodeBook>");
            }
            notes.add(file.origin() + ": only the project's code tree is imported (sources and codings are read by 'entente review import')");
        } else {
            codebook = Xml.parse(file.origin(), file.bytes()).getDocumentElement();
            if (!"CodeBook".equals(codebook.getLocalName())) {
                throw new InteropException(file.origin(), "root element", "expected <CodeBook>, found <" + codebook.getLocalName() + ">");
            }
        }
        Element codes = Xml.child(codebook, "Codes");
        if (codes == null) {
            throw new InteropException(file.origin(), "<CodeBook>", "has no <Codes>");
        }
        Dictionary.Parsed parsed = new Dictionary.Parsed();
        QdaCodes.read(file.origin(), codes, parsed, notes, new HashMap<>());
        Element sets = Xml.child(codebook, "Sets");
        if (sets != null) {
            for (Element s : Xml.children(sets, "Set")) {
                notes.add(file.origin() + " code group '" + Xml.attr(s, "name") + "' (" + Xml.children(s, "MemberCode").size()
                        + " codes): code groups have no place in a codebook; left out");
            }
        }
        return DictionaryMapping.toCodebook(file.origin(), "REFI-QDA", parsed, polarities, notes);
    }

    @Override
    public Exported write(Codebook codebook) {
        Document doc = Xml.newDocument();
        Element root = doc.createElementNS(Xml.CODEBOOK_NS, "CodeBook");
        root.setAttribute("origin", "Entente");
        doc.appendChild(root);
        root.appendChild(QdaCodes.codes(doc, Xml.CODEBOOK_NS, codebook));
        Notes notes = new Notes();
        notes.add("cues, examples and thresholds are kept in each code's description after '" + QdaCodes.BLOCK
                + "', the codebook's id, version and settings in that of the Drivers code");
        return new Exported(Xml.write(doc), notes.lines());
    }
}
