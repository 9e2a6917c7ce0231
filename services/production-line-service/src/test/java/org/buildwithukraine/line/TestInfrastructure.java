package org.buildwithukraine.line;

import org.buildwithukraine.testsupport.KafkaTestResource;
import org.buildwithukraine.testsupport.PostgresTestResource;
import org.buildwithukraine.testsupport.TestTokenResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real PostgreSQL and Kafka, and trusted test tokens, for every test of the module. The main boot is the
 * {@code de} instance on database production_de; {@link UkRegion} boots the {@code uk} instance once more.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "production_de"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestTokenResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
