package org.buildwithukraine.licence.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.buildwithukraine.licence.Fixtures.activeFactory;
import static org.buildwithukraine.licence.Fixtures.asOfficer;
import static org.buildwithukraine.licence.Fixtures.database;
import static org.buildwithukraine.licence.Fixtures.decide;
import static org.buildwithukraine.licence.Fixtures.grant;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.buildwithukraine.licence.Fixtures.technology;
import static org.hamcrest.Matchers.contains;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The audit trail and the quota ledger are history: the database itself refuses to rewrite them. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void auditRecordsCannotBeUpdatedDeletedOrTruncated() throws SQLException {
        String id = grant(technology(), activeFactory("at-audit"));
        decide(id, "suspend", "inspection").statusCode(200);

        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            for (String rewrite : new String[] {
                    "update licence_audit set reason = 'nothing happened' where licence_id = '" + id + "'",
                    "delete from licence_audit where licence_id = '" + id + "'",
                    "truncate licence_audit cascade",
                    "update quota_ledger set good_units = 0",
                    "delete from quota_charge",
                    "truncate quota_ledger cascade" }) {
                assertThatThrownBy(() -> statement.execute(rewrite)).as(rewrite)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("is append-only");
            }
        }
        assertThat(queryLong("select count(*) from licence_audit where licence_id = ?", id)).isEqualTo(2);
        asOfficer().get("/api/licences/{id}/audit", id).then().statusCode(200)
                .body("reason", contains(null, "inspection"));
    }
}
