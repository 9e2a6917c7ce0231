package org.buildwithukraine.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditDiffTest {

    @Test
    void onlyChangedFieldsAreRecordedWithOldAndNewValue() {
        Map<String, Object> before = Map.of("status", "GRANTED", "quantityCap", 100L, "exportTerritories", List.of("NO"));
        Map<String, Object> after = Map.of("status", "SUSPENDED", "quantityCap", 100L, "exportTerritories",
                List.of("LT", "NO"));
        Map<String, Map<String, Object>> changes = AuditDiff.between(before, after);
        assertThat(changes).containsOnlyKeys("status", "exportTerritories");
        assertThat(changes.get("status")).containsEntry("from", "GRANTED").containsEntry("to", "SUSPENDED");
        assertThat(changes.get("exportTerritories")).containsEntry("to", List.of("LT", "NO"));
    }

    @Test
    void aNewLicenceRecordsEveryFieldThatHasAValue() {
        Map<String, Object> after = new HashMap<>();
        after.put("status", "REQUESTED");
        after.put("provisos", null);
        Map<String, Map<String, Object>> changes = AuditDiff.between(Map.of(), after);
        assertThat(changes).containsOnlyKeys("status");
        assertThat(changes.get("status")).containsEntry("from", null);
    }
}
