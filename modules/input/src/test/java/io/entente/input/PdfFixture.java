package io.entente.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes test PDFs with PDFBox: text drawn at given positions (y measured from the top of a Letter page). */
final class PdfFixture implements AutoCloseable {
    static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont HELVETICA_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDFont TIMES = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    static final float HEIGHT = PDRectangle.LETTER.getHeight();

    final PDDocument doc = new PDDocument();
    private PDPageContentStream cs;

    PdfFixture page() {
        closeStream();
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Draws {@code s} with its baseline {@code top} points below the top of the page. */
    PdfFixture text(float x, float top, PDFont font, float size, String s) {
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, HEIGHT - top);
            cs.showText(s);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PdfFixture text(float x, float top, String s) {
        return text(x, top, HELVETICA, 10, s);
    }

    /** Lines of body text from {@code top}, {@code leading} apart; returns the baseline after the last. */
    float lines(float x, float top, float leading, String... lines) {
        float y = top;
        for (String l : lines) {
            text(x, y, l);
            y += leading;
        }
        return y;
    }

    static float width(PDFont font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PdfFixture info(String title, String author, Calendar created) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreationDate(created);
        return this;
    }

    PdfFixture encrypt(String owner, String user) {
        StandardProtectionPolicy p = new StandardProtectionPolicy(owner, user, new AccessPermission());
        p.setEncryptionKeyLength(128);
        try {
            doc.protect(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PDPageContentStream stream() {
        return cs;
    }

    byte[] bytes() {
        closeStream();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
        doc.close();
    }
}
