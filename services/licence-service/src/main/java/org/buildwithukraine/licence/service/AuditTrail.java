package org.buildwithukraine.licence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.licence.AuditDiff;
import org.buildwithukraine.licence.LicenceAuditRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/** Appends to a licence's audit trail in the transaction of the change it records. */
@ApplicationScoped
public class AuditTrail {

    private final ObjectMapper objectMapper;
    private final Clock clock;

    public AuditTrail(ObjectMapper objectMapper, Clock clock) {
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String licenceId, String actor, String action, Map<String, ?> before, Map<String, ?> after,
            String reason) {
        LicenceAuditRecord entry = new LicenceAuditRecord();
        entry.licenceId = licenceId;
        entry.recordedAt = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.changes = toJson(AuditDiff.between(before, after));
        entry.reason = reason;
        entry.persist();
    }

    /**
     * Each licence's status at {@code at}, as its trail records it (the last status change at or before then);
     * a licence that did not exist yet is absent.
     */
    public Map<String, LicenceStatus> statusesAt(Collection<String> licenceIds, Instant at) {
        if (licenceIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = LicenceAuditRecord.getEntityManager().createNativeQuery("""
                select distinct on (licence_id) licence_id, changes -> 'status' ->> 'to'
                from licence_audit
                where licence_id in (:ids) and recorded_at <= :at and changes -> 'status' is not null
                order by licence_id, position desc""")
                .setParameter("ids", licenceIds)
                .setParameter("at", at)
                .getResultList();
        Map<String, LicenceStatus> statuses = new HashMap<>();
        for (Object[] row : rows) {
            statuses.put((String) row[0], LicenceStatus.valueOf((String) row[1]));
        }
        return statuses;
    }

    public List<LicenceAuditRecord> of(String licenceId) {
        return LicenceAuditRecord.list("licenceId", Sort.by("position"), licenceId);
    }

    private String toJson(Object changes) {
        try {
            return objectMapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit changes cannot be serialised", e);
        }
    }
}
