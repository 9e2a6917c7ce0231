package org.buildwithukraine.licence.techdata.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Marks every page of a PDF with a few lines of small text in its bottom margin, and its document information
 * with named values, so that a copy that leaves its factory can be traced to its download. Works from files:
 * PDFBox reads the source from disk and keeps what it builds in temporary files, not on the heap.
 */
public final class PdfStamp {

    private static final float FONT_SIZE = 7;
    private static final float LEADING = 9;
    private static final float MARGIN = 10;

    private PdfStamp() {
    }

    /** Whether {@code pdf} is a PDF that can be stamped: readable and not encrypted. */
    public static boolean stampable(Path pdf) {
        try (PDDocument document = load(pdf)) {
            return !document.isEncrypted() && document.getNumberOfPages() > 0;
        } catch (IOException notAPdf) {
            return false;
        }
    }

    /**
     * Writes a copy of {@code source} to {@code target} with {@code lines} on every page and {@code information}
     * in its document information; returns the SHA-256 of the copy, computed as it is written.
     */
    public static byte[] stamp(Path source, Path target, List<String> lines, Map<String, String> information)
            throws IOException {
        try (PDDocument document = load(source)) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getCropBox();
                try (PDPageContentStream text = new PDPageContentStream(document, page, AppendMode.APPEND, true,
                        true)) {
                    text.beginText();
                    text.setFont(font, FONT_SIZE);
                    text.setLeading(LEADING);
                    text.newLineAtOffset(box.getLowerLeftX() + MARGIN,
                            box.getLowerLeftY() + MARGIN + LEADING * (lines.size() - 1));
                    for (String line : lines) {
                        text.showText(printable(line));
                        text.newLine();
                    }
                    text.endText();
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            information.forEach(info::setCustomMetadataValue);
            MessageDigest sha256 = FileContents.sha256();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(target)),
                    sha256)) {
                document.save(out);
            }
            return sha256.digest();
        }
    }

    private static PDDocument load(Path pdf) throws IOException {
        return Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache());
    }

    /** The standard font writes Latin-1 only: dashes become hyphens, anything else it lacks a question mark. */
    static String printable(String line) {
        StringBuilder printable = new StringBuilder(line.length());
        line.codePoints().forEach(c -> printable.append(c == '\u2014' || c == '\u2013' ? '-'
                : c >= 0x20 && c <= 0x7e || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
        return printable.toString();
    }
}
