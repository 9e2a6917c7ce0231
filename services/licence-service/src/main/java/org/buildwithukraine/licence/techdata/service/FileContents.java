package org.buildwithukraine.licence.techdata.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.buildwithukraine.kit.problem.ProblemException;
import org.hibernate.Session;

/**
 * The contents of technical data files, as numbered chunks in PostgreSQL: written by plain JDBC on the
 * transaction's connection (an entity per chunk would keep every chunk in the persistence context), read back
 * one chunk per query. No more than a chunk of a file is in memory at a time, whatever its size.
 */
@ApplicationScoped
public class FileContents {

    /** What arrived: its size and SHA-256. */
    public record Received(long size, byte[] sha256) {
    }

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final int chunkBytes;

    public FileContents(EntityManager entityManager, DataSource dataSource, TechnicalDataConfig config) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.chunkBytes = (int) config.chunkSize().asLongValue();
    }

    /**
     * Stores {@code body} as the contents of file {@code fileId}, chunk by chunk, digesting it as it goes by and
     * copying it to {@code copy}; refuses it (413) once more than {@code maxBytes} arrived. Runs in the upload's
     * transaction, so that a refusal, or a digest the caller then finds wrong, keeps nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Received write(UUID fileId, InputStream body, long maxBytes, OutputStream copy) {
        MessageDigest sha256 = sha256();
        byte[] chunk = new byte[chunkBytes];
        long size = 0;
        int seq = 0;
        Session session = entityManager.unwrap(Session.class);
        while (true) {
            int filled = fill(body, chunk);
            if (filled == 0) {
                break;
            }
            size += filled;
            if (size > maxBytes) {
                throw ProblemException.tooLarge("A file must not exceed " + maxBytes + " bytes");
            }
            sha256.update(chunk, 0, filled);
            copy(copy, chunk, filled);
            int position = seq++;
            int length = filled;
            session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into technical_data_file_chunk (file_id, seq, bytes) values (?, ?, ?)")) {
                    insert.setObject(1, fileId);
                    insert.setInt(2, position);
                    insert.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, length), length);
                    insert.executeUpdate();
                }
            });
            if (filled < chunk.length) {
                break;
            }
        }
        return new Received(size, sha256.digest());
    }

    /** Writes the contents of file {@code fileId} to {@code out}, one chunk per query, each on a pooled connection. */
    public void copyTo(UUID fileId, OutputStream out) throws IOException {
        for (int seq = 0;; seq++) {
            byte[] chunk = chunk(fileId, seq);
            if (chunk == null) {
                return;
            }
            out.write(chunk);
        }
    }

    private byte[] chunk(UUID fileId, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select bytes from technical_data_file_chunk where file_id = ? and seq = ?")) {
            select.setObject(1, fileId);
            select.setInt(2, seq);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Chunk " + seq + " of file " + fileId + " could not be read", e);
        }
    }

    /** Reads until the chunk is full or the body has ended; a body cut short is the client's doing (400). */
    private static int fill(InputStream body, byte[] chunk) {
        try {
            return body.readNBytes(chunk, 0, chunk.length);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the request body could not be read to its end: "
                    + e.getMessage());
        }
    }

    private static void copy(OutputStream copy, byte[] chunk, int length) {
        try {
            copy.write(chunk, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
