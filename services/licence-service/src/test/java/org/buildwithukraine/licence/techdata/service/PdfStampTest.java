package org.buildwithukraine.licence.techdata.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.buildwithukraine.licence.techdata.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfStampTest {

    @TempDir
    Path directory;

    @Test
    void everyPageCarriesTheLinesAndTheDocumentTheValues() throws Exception {
        Path source = directory.resolve("source.pdf");
        Files.write(source, TestPdfs.pages(3, "Sheet"));
        Path target = directory.resolve("stamped.pdf");

        byte[] sha256 = PdfStamp.stamp(source, target, List.of("EU ML10 — export controlled", "Downloaded by maker-de",
                "Download id 42"), Map.of("BwU-Download-Id", "42"));

        assertThat(sha256).isEqualTo(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(target)));
        try (PDDocument stamped = Loader.loadPDF(target.toFile())) {
            assertThat(stamped.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(stamped)).as("page %d", page).contains("Sheet " + page)
                        .contains("EU ML10 - export controlled", "Downloaded by maker-de", "Download id 42");
            }
            assertThat(stamped.getDocumentInformation().getCustomMetadataValue("BwU-Download-Id")).isEqualTo("42");
        }
    }

    @Test
    void onlyReadableUnencryptedPdfsCanBeStamped() throws IOException {
        Path pdf = directory.resolve("good.pdf");
        Files.write(pdf, TestPdfs.pages(1, "Sheet"));
        Path text = directory.resolve("bad.pdf");
        Files.write(text, "not a PDF at all".getBytes(StandardCharsets.US_ASCII));
        assertThat(PdfStamp.stampable(pdf)).isTrue();
        assertThat(PdfStamp.stampable(text)).isFalse();
    }

    @Test
    void whatTheStandardFontCannotWriteIsReplaced() {
        assertThat(PdfStamp.printable("EU ML10 — Київ – ü")).isEqualTo("EU ML10 - ???? - ü");
    }
}
