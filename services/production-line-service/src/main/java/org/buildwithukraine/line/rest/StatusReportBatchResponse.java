package org.buildwithukraine.line.rest;

import java.util.List;

import org.buildwithukraine.kit.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch: one result per item, in request order. */
public record StatusReportBatchResponse(List<Result> results) {

    /**
     * What the single endpoint would have answered for the item.
     *
     * @param status 201 stored, 200 the same report again (nothing changed), 400/403/404/409 refused
     * @param report the stored report, as the single endpoint answers it (201 and 200)
     * @param problem why the item was refused (4xx), as the single endpoint's problem+json
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int index, String lineId, String reportId, int status, StatusReportResponse report,
            Problem problem) {
    }
}
