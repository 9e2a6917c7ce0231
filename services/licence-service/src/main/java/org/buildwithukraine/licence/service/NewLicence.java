package org.buildwithukraine.licence.service;

import org.buildwithukraine.licence.LicenceTerms;

/** A licence asked for or granted; {@code reason} is recorded in the audit trail. */
public record NewLicence(String technologyCode, String factoryId, LicenceTerms terms, String provisos, String reason) {
}
