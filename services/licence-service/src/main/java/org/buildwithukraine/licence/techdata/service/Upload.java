package org.buildwithukraine.licence.techdata.service;

import org.buildwithukraine.licence.techdata.TechnicalDataFile;

/** A file stored by an upload; {@code created} when no file of its name was replaced. */
public record Upload(TechnicalDataFile file, boolean created) {
}
