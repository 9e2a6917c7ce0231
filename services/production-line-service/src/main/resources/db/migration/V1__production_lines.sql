-- One database per region instance (production_de, production_uk, ...): every table holds this region only.

-- What this instance knows of the network's factories, kept from factory.events (never asked synchronously).
create table factory_view (
    id          text        primary key,
    name        text        not null,
    kind        text        not null,
    status      text        not null,
    -- occurredAt of the event the row reflects: an older event arriving late does not undo a newer one
    as_of       timestamptz not null
);

create table production_line (
    id                        text        primary key,
    factory_id                text        not null,
    technology_code           text        not null,
    nominal_capacity_per_day  integer     not null check (nominal_capacity_per_day > 0),
    state                     text        not null,
    downtime_reason           text,
    state_since               timestamptz not null,
    last_report_id            text,
    last_observed_at          timestamptz,
    registered_at             timestamptz not null,
    updated_at                timestamptz not null,
    version                   bigint      not null
);

create index production_line_factory on production_line (factory_id);
create index production_line_state on production_line (state);
create index production_line_technology on production_line (technology_code);

create table status_report (
    id                bigint      generated always as identity primary key,
    line_id           text        not null references production_line (id),
    report_id         text        not null,
    observed_at       timestamptz not null,
    received_at       timestamptz not null,
    state             text        not null,
    downtime_reason   text,
    good_units        bigint      not null check (good_units >= 0),
    scrap_units       bigint      not null check (scrap_units >= 0),
    -- false for a report older than the line's latest: kept for history and output, not for the current state
    current           boolean     not null,
    unattributed_units bigint     not null,
    reported_by       text        not null,
    -- the idempotency key of a report is its reportId, per line
    constraint status_report_once unique (line_id, report_id)
);

-- history by time range and the OEE of a day are both range scans of one line's reports
create index status_report_line_observed on status_report (line_id, observed_at);

create table allocation (
    id               text        primary key,
    seq              bigint      generated always as identity,
    order_id         text        not null,
    line_id          text        not null,
    factory_id       text        not null,
    licence_id       text,
    technology_code  text        not null,
    customer_class   text        not null,
    quantity         bigint      not null check (quantity > 0),
    produced         bigint      not null default 0,
    planned_start    timestamptz,
    planned_finish   timestamptz,
    status           text        not null,
    cancel_reason    text,
    allocated_at     timestamptz not null,
    cancelled_at     timestamptz
);

-- attribution picks a line's open allocations, oldest first, on every report with good units
create index allocation_line_open on allocation (line_id, allocated_at, seq) where status = 'OPEN';
create index allocation_line on allocation (line_id, allocated_at, seq);

-- how the good units of each report were counted towards allocations (replayed answers and audit)
create table report_attribution (
    status_report_id  bigint not null references status_report (id),
    position          integer not null,
    allocation_id     text   not null references allocation (id),
    order_id          text   not null,
    units             bigint not null check (units > 0),
    primary key (status_report_id, position)
);
