package org.buildwithukraine.factory.rest;

import static org.buildwithukraine.factory.Requests.factory;
import static org.buildwithukraine.factory.Requests.uniqueId;

import java.util.LinkedHashMap;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.ServiceHostileInputTest;
import org.buildwithukraine.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** The factory service against hostile input (see {@link ServiceHostileInputTest}): listing and registering. */
@QuarkusTest
class HostileInputTest extends ServiceHostileInputTest {

    private static final String NETWORK_ADMIN = TestTokens.user("netadmin", Roles.NETWORK_ADMIN).bearer();

    @Override
    protected String listPath() {
        return "/api/factories";
    }

    @Override
    protected String reader() {
        return NETWORK_ADMIN;
    }

    @Override
    protected Creation creation() {
        Map<String, Object> body = new LinkedHashMap<>(factory(uniqueId("hostile")));
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("id", body.remove("id"));
        ordered.putAll(body);
        return new Creation("POST", "/api/factories", Map.of("Authorization", NETWORK_ADMIN), ordered, "name");
    }
}
