package org.buildwithukraine.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.buildwithukraine.kit.web.StreamedRoutes.Route;
import org.junit.jupiter.api.Test;

class StreamedRoutesTest {

    private static final Route CONTENT = new Route("content", "PUT",
            StreamedRoutes.template("/api/things/{id}/parts/{name}"), 1000, 2000);
    private static final StreamedRoutes ROUTES = new StreamedRoutes(List.of(CONTENT));

    @Test
    void aParameterStandsForExactlyOneSegment() {
        assertThat(ROUTES.match("PUT", "/api/things/T-1/parts/a.pdf")).hasValue(CONTENT);
        assertThat(ROUTES.match("put", "/api/things/T-1/parts/a.pdf")).hasValue(CONTENT);
        assertThat(ROUTES.match("PUT", "/api/things/T-1/parts/")).isEmpty();
        assertThat(ROUTES.match("PUT", "/api/things/T-1/x/parts/a.pdf")).isEmpty();
        assertThat(ROUTES.match("PUT", "/api/things/T-1/parts/a.pdf/more")).isEmpty();
        assertThat(ROUTES.match("PUT", "/api/things/T-1/parts")).isEmpty();
    }

    @Test
    void theMethodAndTheLiteralPartsMustMatch() {
        assertThat(ROUTES.match("POST", "/api/things/T-1/parts/a.pdf")).isEmpty();
        assertThat(ROUTES.match("GET", "/api/things/T-1/parts/a.pdf")).isEmpty();
        assertThat(ROUTES.match("PUT", "/api/thingsX/T-1/parts/a.pdf")).isEmpty();
        assertThat(new StreamedRoutes(List.of(new Route("dots", "PUT", StreamedRoutes.template("/a.b/{x}"), 1, 1)))
                .match("PUT", "/aXb/1")).as("a dot is literal").isEmpty();
    }

    @Test
    void aPathStartsWithASlash() {
        assertThatThrownBy(() -> StreamedRoutes.template("api/{x}")).isInstanceOf(IllegalArgumentException.class);
    }
}
