package org.buildwithukraine.line.rest;

import static org.buildwithukraine.line.Events.activeManufacturer;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.as;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.uniqueId;
import static org.hamcrest.Matchers.contains;

import java.util.LinkedHashMap;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.ServiceHostileInputTest;
import org.buildwithukraine.testsupport.TestTokens;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The production-line service against hostile input (see {@link ServiceHostileInputTest}): lines. */
@QuarkusTest
class HostileInputTest extends ServiceHostileInputTest {

    private static final String NETWORK_ADMIN = TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer();
    private static String factory;

    @Override
    protected String listPath() {
        return "/api/lines";
    }

    @Override
    protected String reader() {
        return NETWORK_ADMIN;
    }

    /** A line body has no free text: its ids and codes have shapes of their own. */
    @Override
    protected Creation creation() {
        if (factory == null) {
            factory = uniqueId("hostile");
            activeManufacturer(factory);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("factoryId", factory);
        body.put("technologyCode", TECHNOLOGY);
        body.put("nominalCapacityPerDay", 100);
        return new Creation("PUT", "/api/lines/" + lineId("de", "HOS"), Map.of("Authorization", NETWORK_ADMIN),
                body, null);
    }

    /** java.time parses them; PostgreSQL could not compare with them and the day's arithmetic would overflow. */
    @Test
    void datesBeyondTheYear9999AreRefusedNamingTheParameter() {
        Creation line = creation();
        as(NETWORK_ADMIN).body(line.body()).put(line.path()).then().statusCode(201);
        as(NETWORK_ADMIN).queryParam("from", "+999999999-01-01T00:00:00Z").get(line.path() + "/status-reports")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        as(NETWORK_ADMIN).queryParam("to", "-100000-01-01T00:00:00Z").get(line.path() + "/status-reports")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("to"));
        as(NETWORK_ADMIN).queryParam("date", "+999999999-12-31").get(line.path() + "/oee")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("date"));
    }
}
