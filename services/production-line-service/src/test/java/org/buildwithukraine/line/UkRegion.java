package org.buildwithukraine.line;

import java.util.List;
import java.util.Map;

import org.buildwithukraine.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The same service configured as the British instance: profile "uk" of application.properties on top of the
 * test profile, and a database of its own.
 */
public class UkRegion implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,uk";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", "production_uk")));
    }
}
