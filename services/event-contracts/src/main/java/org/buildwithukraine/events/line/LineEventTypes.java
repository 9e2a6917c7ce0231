package org.buildwithukraine.events.line;

/** Event types of the production-line services, keyed by line id. */
public final class LineEventTypes {

    /** On {@code line.status}: a line was registered or its factory, technology or capacity changed. */
    public static final String REGISTERED = "LineRegistered";
    /** On {@code line.status}: the line's state or capacity really changed; payload {@link LineSnapshot}. */
    public static final String STATUS_CHANGED = "LineStatusChanged";
    /** On {@code line.output}: good and scrap units reported; payload {@link OutputReported}. */
    public static final String OUTPUT_REPORTED = "OutputReported";

    public static final int SCHEMA_VERSION = 1;

    private LineEventTypes() {
    }
}
