package org.buildwithukraine.licence.rest;

import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.licence;
import static org.buildwithukraine.licence.Fixtures.technology;

import java.util.LinkedHashMap;
import java.util.Map;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.ServiceHostileInputTest;
import org.buildwithukraine.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** The licence service against hostile input (see {@link ServiceHostileInputTest}): listing and granting. */
@QuarkusTest
class HostileInputTest extends ServiceHostileInputTest {

    private static final String OFFICER = TestTokens.user("officer", Roles.TECHNOLOGY_OFFICER).bearer();
    private static String factory;

    @Override
    protected String listPath() {
        return "/api/licences";
    }

    @Override
    protected String reader() {
        return OFFICER;
    }

    /** A licence for a technology of its own, so that no two granted here overlap. */
    @Override
    protected Creation creation() {
        if (factory == null) {
            factory = activeFactory("hostile");
        }
        Map<String, Object> terms = licence(technology(), factory);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("technologyCode", terms.remove("technologyCode"));
        body.putAll(terms);
        return new Creation("POST", "/api/licences", Map.of("Authorization", OFFICER), body, "provisos");
    }
}
