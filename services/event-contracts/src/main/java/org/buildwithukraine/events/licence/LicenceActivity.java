package org.buildwithukraine.events.licence;

public enum LicenceActivity {
    PRODUCE,
    EXPORT
}
