package org.buildwithukraine.routing;

import org.buildwithukraine.testsupport.KafkaTestResource;
import org.buildwithukraine.testsupport.PostgresTestResource;
import org.buildwithukraine.testsupport.TestTokenResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real PostgreSQL (database routing) and Kafka, and trusted test tokens, for every test: one Quarkus boot in all. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "routing"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestTokenResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
