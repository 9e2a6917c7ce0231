package org.buildwithukraine.k8s;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.keycloak.representations.idm.RealmRepresentation;

/** A realm as Keycloak reads it on import: Keycloak's own RealmRepresentation, unknown fields rejected. */
final class KeycloakRealm {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private KeycloakRealm() {
    }

    static void validate(JsonNode realm, String path, List<String> errors) {
        try {
            RealmRepresentation parsed = parse(realm);
            if (parsed.getRealm() == null || parsed.getRealm().isBlank()) {
                errors.add(path + ": the realm has no name");
            }
        } catch (IllegalArgumentException e) {
            errors.add(path + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static RealmRepresentation parse(JsonNode realm) {
        try {
            return STRICT.treeToValue(realm, RealmRepresentation.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
