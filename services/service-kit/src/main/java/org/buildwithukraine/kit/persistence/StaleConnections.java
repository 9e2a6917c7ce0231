package org.buildwithukraine.kit.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Drops the connection pool's idle connections once one connection has failed: a database that went away (a
 * crash, a failover, a network cut) took every connection with it, and a pool that kept them would hand each to
 * a request after the database is back, which then fails once more. Flushed, the pool opens fresh connections
 * as requests need them: the first request after recovery passes.
 *
 * <p>Only idle connections go; one in use is destroyed by the pool when it fails (PostgreSQL's exception sorter)
 * or returned to it healthy. Flushing while the database is still down costs nothing: there is nothing to keep.
 */
@ApplicationScoped
public class StaleConnections {

    private final AgroalDataSource dataSource;

    public StaleConnections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void dropAfterConnectionFailure() {
        dataSource.flush(AgroalDataSource.FlushMode.IDLE);
    }
}
