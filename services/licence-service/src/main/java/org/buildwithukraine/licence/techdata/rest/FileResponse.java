package org.buildwithukraine.licence.techdata.rest;

import org.buildwithukraine.licence.techdata.TechnicalDataFile;

/** One file of a release; {@code sha256} lower-case hex of its bytes as uploaded. */
public record FileResponse(String name, String mediaType, long size, String sha256) {

    public static FileResponse of(TechnicalDataFile file) {
        return new FileResponse(file.name, file.mediaType, file.size, file.sha256);
    }
}
