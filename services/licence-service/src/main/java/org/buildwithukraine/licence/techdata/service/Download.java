package org.buildwithukraine.licence.techdata.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;

import org.buildwithukraine.licence.techdata.TechnicalDataFile;

/**
 * A download about to be served: what it is, the SHA-256 of the bytes it serves, its id, and how to write them
 * out (once).
 */
public record Download(String name, String mediaType, long size, byte[] sha256, UUID downloadId, Body body) {

    /** The bytes, written to the answer chunk by chunk; {@link #discard} when they will not be. */
    public interface Body {

        void writeTo(OutputStream out) throws IOException;

        void discard();
    }

    /** The file as it was uploaded, read from the database as it is written out. */
    static Download asStored(TechnicalDataFile file, UUID downloadId, FileContents contents) {
        return new Download(file.name, file.mediaType, file.size, HexFormat.of().parseHex(file.sha256), downloadId,
                new Body() {
                    @Override
                    public void writeTo(OutputStream out) throws IOException {
                        contents.copyTo(file.id, out);
                    }

                    @Override
                    public void discard() {
                        // nothing was prepared
                    }
                });
    }

    /** A copy prepared in a temporary file, which is deleted once written out or discarded. */
    static Download ofTemporaryFile(TechnicalDataFile file, Path copy, byte[] sha256, UUID downloadId)
            throws IOException {
        Body body = new Body() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                try {
                    Files.copy(copy, out);
                } finally {
                    discard();
                }
            }

            @Override
            public void discard() {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new Download(file.name, file.mediaType, Files.size(copy), sha256, downloadId, body);
    }

    public void discard() {
        body.discard();
    }
}
