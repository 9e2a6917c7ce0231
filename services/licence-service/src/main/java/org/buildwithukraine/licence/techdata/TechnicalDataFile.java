package org.buildwithukraine.licence.techdata;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * One file of a release as it was uploaded: its name, media type, size and SHA-256. Its contents are chunks of
 * their own table, written and read by {@code FileContents}; a new upload under the same name is a new file.
 */
@Entity
@Immutable
@Table(name = "technical_data_file")
public class TechnicalDataFile extends PanacheEntityBase {

    public static final String PDF = "application/pdf";

    @Id
    public UUID id;

    @Column(name = "release_id", nullable = false)
    public UUID releaseId;

    @Column(nullable = false)
    public String name;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public long size;

    /** Lower-case hexadecimal. */
    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static TechnicalDataFile of(UUID id, TechnicalDataRelease release, String name, String mediaType,
            long size, String sha256, String by, Instant at) {
        TechnicalDataFile file = new TechnicalDataFile();
        file.id = id;
        file.releaseId = release.id;
        file.name = name;
        file.mediaType = mediaType;
        file.size = size;
        file.sha256 = sha256;
        file.uploadedBy = by;
        file.uploadedAt = at;
        return file;
    }

    public static TechnicalDataFile named(TechnicalDataRelease release, String name) {
        return find("releaseId = ?1 and name = ?2", release.id, name).firstResult();
    }

    /** The release's files in name order. */
    public static List<TechnicalDataFile> of(TechnicalDataRelease release) {
        return list("releaseId", Sort.by("name"), release.id);
    }

    /** A PDF is stamped for each download; every other file is served as it was uploaded. */
    public boolean isPdf() {
        return PDF.equals(mediaType.toLowerCase(Locale.ROOT));
    }
}
