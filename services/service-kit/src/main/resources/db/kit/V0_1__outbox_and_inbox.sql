-- Shared by every service (service-kit). Service migrations start at V1; kit migrations stay below 1.

create table outbox_event (
    position      bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    aggregate_id  text        not null,
    event_type    text        not null,
    envelope      jsonb       not null,
    occurred_at   timestamptz not null,
    published_at  timestamptz
);

-- the relay only ever scans what is still to publish
create index outbox_event_unpublished on outbox_event (position) where published_at is null;

create table processed_event (
    consumer      text        not null,
    event_id      uuid        not null,
    processed_at  timestamptz not null,
    primary key (consumer, event_id)
);
