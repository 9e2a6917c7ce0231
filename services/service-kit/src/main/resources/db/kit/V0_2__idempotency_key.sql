-- Shared by every service (service-kit): answers of requests made with an Idempotency-Key header.

create table idempotency_key (
    scope            text        not null,
    key              text        not null,
    request_hash     text        not null,
    response_status  int,
    response_location text,
    response_body    text,
    created_at       timestamptz not null,
    primary key (scope, key)
);

-- housekeeping deletes by age
create index idempotency_key_created on idempotency_key (created_at);
