package org.buildwithukraine.kit.security;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as the verified token says: name for the audit trail, roles, and the factories they act for. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final SecurityConfig config;

    public Caller(SecurityIdentity identity, JsonWebToken token, SecurityConfig config) {
        this.identity = identity;
        this.token = token;
        this.config = config;
    }

    /** A person's user name, or a machine client's id. */
    public String actor() {
        for (String claim : new String[] { "preferred_username", "client_id", "azp", "sub" }) {
            String value = token.getClaim(claim);
            if (value != null && !value.isBlank()) {
                return claim.equals("preferred_username") || claim.equals("sub") ? value : "client:" + value;
            }
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Factories the token names; empty for anyone who does not act for a factory. */
    public Set<String> factories() {
        Object claim = token.getClaim(config.factoryClaim());
        Set<String> factories = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString name) {
                    factories.add(name.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            factories.addAll(object.keySet());
        } else if (claim instanceof JsonString name) {
            factories.add(name.getString());
        } else if (claim instanceof String name) {
            factories.add(name);
        }
        return factories;
    }

    public boolean actsFor(String factoryId) {
        return factoryId != null && factories().contains(factoryId);
    }
}
