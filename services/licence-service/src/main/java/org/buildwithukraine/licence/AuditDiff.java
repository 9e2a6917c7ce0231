package org.buildwithukraine.licence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What changed between two views of a licence, field by field, as the audit trail records it. */
public final class AuditDiff {

    private AuditDiff() {
    }

    /**
     * @param before the fields before the change; empty for a licence being created
     * @return for each field whose value differs, {@code {"from": old, "to": new}} (old is null for a new field)
     */
    public static Map<String, Map<String, Object>> between(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, ?> field : after.entrySet()) {
            Object old = before.get(field.getKey());
            if (!Objects.equals(old, field.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", field.getValue());
                changes.put(field.getKey(), change);
            }
        }
        return changes;
    }
}
