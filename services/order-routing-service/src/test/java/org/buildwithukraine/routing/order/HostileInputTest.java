package org.buildwithukraine.routing.order;

import static org.buildwithukraine.routing.Fixtures.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.buildwithukraine.kit.security.Roles;
import org.buildwithukraine.testsupport.ServiceHostileInputTest;
import org.buildwithukraine.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** The order-routing service against hostile input (see {@link ServiceHostileInputTest}): orders. */
@QuarkusTest
class HostileInputTest extends ServiceHostileInputTest {

    private static final String DESK = TestTokens.user("desk", Roles.ORDER_DESK).bearer();

    @Override
    protected String listPath() {
        return "/api/orders";
    }

    @Override
    protected String reader() {
        return DESK;
    }

    /** An order for a technology no line builds: it is taken (and rejected) without touching other tests' lines. */
    @Override
    protected Creation creation() {
        Map<String, Object> terms = order("UA_DEFENCE", "UA-HOSTILE-1", 10, 7);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", terms.remove("customer"));
        body.putAll(terms);
        return new Creation("POST", "/api/orders",
                Map.of("Authorization", DESK, "Idempotency-Key", UUID.randomUUID().toString()), body, "customer");
    }
}
