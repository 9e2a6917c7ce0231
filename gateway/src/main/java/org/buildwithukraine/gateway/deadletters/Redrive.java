package org.buildwithukraine.gateway.deadletters;

import java.time.Instant;

import io.vertx.core.json.JsonObject;

/**
 * The audit record of one re-drive, kept in the audit topic under its dead letter's {@link Coordinates#key()}:
 * who re-drove which dead letter when, to which topic, and where the record landed there.
 *
 * @param operator the operator's user name from the token (its subject when the token has none)
 * @param sentPartition partition of the original topic the record was sent to
 * @param sentOffset its offset there
 */
public record Redrive(Coordinates deadLetter, String eventId, String eventType, String originalTopic,
        String operator, Instant redrivenAt, String outcome, int sentPartition, long sentOffset) {

    /** The record was sent to its original topic, in the same Kafka transaction as this audit record. */
    public static final String REDRIVEN = "REDRIVEN";

    public JsonObject toJson() {
        return new JsonObject()
                .put("topic", deadLetter.topic())
                .put("partition", deadLetter.partition())
                .put("offset", deadLetter.offset())
                .put("eventId", eventId)
                .put("eventType", eventType)
                .put("originalTopic", originalTopic)
                .put("operator", operator)
                .put("redrivenAt", redrivenAt.toString())
                .put("outcome", outcome)
                .put("sentTo", new JsonObject().put("partition", sentPartition).put("offset", sentOffset));
    }

    public static Redrive fromJson(JsonObject json) {
        JsonObject sentTo = json.getJsonObject("sentTo", new JsonObject());
        return new Redrive(new Coordinates(json.getString("topic"), json.getInteger("partition"),
                json.getLong("offset")), json.getString("eventId"), json.getString("eventType"),
                json.getString("originalTopic"), json.getString("operator"),
                Instant.parse(json.getString("redrivenAt")), json.getString("outcome"),
                sentTo.getInteger("partition", -1), sentTo.getLong("offset", -1L));
    }
}
