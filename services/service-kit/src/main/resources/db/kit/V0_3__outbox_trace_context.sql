-- Shared by every service (service-kit): the W3C trace context (traceparent, tracestate) of the transaction that
-- wrote an outbox event, so that the relay, publishing it later and perhaps on another replica, continues that
-- trace in the Kafka record's headers. Null for events written outside any trace (and for those written before).

alter table outbox_event
    add column traceparent text,
    add column tracestate  text;
