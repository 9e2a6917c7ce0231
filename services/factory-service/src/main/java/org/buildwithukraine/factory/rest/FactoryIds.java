package org.buildwithukraine.factory.rest;

final class FactoryIds {

    static final String SLUG = "^[a-z0-9][a-z0-9-]{2,39}$";
    static final String SLUG_MESSAGE = "must be a slug of 3 to 40 lower-case letters, digits and dashes, e.g. de-munich";

    private FactoryIds() {
    }
}
