package org.buildwithukraine.line.rest;

import static org.buildwithukraine.line.Events.activeManufacturer;
import static org.buildwithukraine.line.Requests.TECHNOLOGY;
import static org.buildwithukraine.line.Requests.lineId;
import static org.buildwithukraine.line.Requests.uniqueId;

import java.util.LinkedHashMap;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.ServiceHostileInputTest;
import org.buildwithukraine.testsupport.TestTokens;

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
}
