package org.buildwithukraine.licence.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
