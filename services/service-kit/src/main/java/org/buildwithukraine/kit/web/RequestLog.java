package org.buildwithukraine.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One DEBUG line per answered API request ({@code METHOD path answered status}), written while the request's span
 * is current, so that the line carries its trace and span ids: with a trace id from an operator's hand (or a
 * client's {@code X-Request-Id}), this shows which requests of the trace a service answered, and how. Off at the
 * default level; {@code QUARKUS_LOG_CATEGORY__ORG_BUILDWITHUKRAINE_KIT_WEB__LEVEL=DEBUG} turns it on.
 */
public class RequestLog {

    private static final Logger LOG = Logger.getLogger(RequestLog.class);

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s answered %d", request.getMethod(), request.getUriInfo().getPath(),
                    response.getStatus());
        }
    }
}
