-- Read models: built only from the events of the factory, licence and production-line services.

create table factory_view (
    id             text        primary key,
    kind           text        not null,
    status         text        not null,
    status_reason  text,
    status_since   timestamptz,
    updated_at     timestamptz not null
);

create table licence_view (
    id                  text        primary key,
    technology_code     text        not null,
    factory_id          text        not null,
    activities          text[]      not null,
    quantity_cap        bigint      not null,
    units_consumed      bigint      not null,
    valid_from          date        not null,
    valid_to            date        not null,
    export_territories  text[]      not null,
    status              text        not null,
    status_reason       text,
    status_since        timestamptz,
    updated_at          timestamptz not null
);

create index licence_view_technology on licence_view (technology_code);
create index licence_view_factory on licence_view (factory_id);

create table line_view (
    id                text        primary key,
    region            text,
    factory_id        text        not null,
    technology_code   text        not null,
    capacity_per_day  int         not null,
    state             text        not null,
    downtime_reason   text,
    state_since       timestamptz,
    updated_at        timestamptz not null
);

create index line_view_technology on line_view (technology_code);
create index line_view_factory on line_view (factory_id);

-- Good units seen on line.output that the licence service has not confirmed as consumed yet; negative while its
-- confirmation has arrived before the output itself. Counted into the licences' consumption so that quota is
-- neither promised twice nor taken back by mistake in between.
create table unconfirmed_output (
    factory_id       text   not null,
    technology_code  text   not null,
    units            bigint not null,
    primary key (factory_id, technology_code)
);

-- Orders, their allocations to lines, and every routing decision about them.

create sequence customer_order_sequence;

create table customer_order (
    id                   text        primary key,
    sequence             bigint      not null unique,
    customer_class       text        not null,
    customer             text        not null,
    technology_code      text        not null,
    quantity             bigint      not null,
    needed_by            date        not null,
    destination_country  char(2),
    export_centre_id     text,
    state                text        not null,
    reason               text,
    unplaced             bigint      not null,
    produced             bigint      not null,
    received_at          timestamptz not null,
    received_by          text        not null,
    updated_at           timestamptz not null,
    version              bigint      not null
);

-- routing passes load the open orders of one technology
create index customer_order_open on customer_order (technology_code)
    where state in ('RECEIVED', 'QUEUED', 'PARTIALLY_ROUTED', 'ROUTED', 'IN_PRODUCTION');
create index customer_order_state on customer_order (state, sequence);

create table allocation (
    id               text        primary key,
    order_id         text        not null references customer_order (id),
    line_id          text        not null,
    factory_id       text        not null,
    licence_id       text        not null,
    technology_code  text        not null,
    customer_class   text        not null,
    needed_by        date        not null,
    order_sequence   bigint      not null,
    quantity         bigint      not null,
    produced         bigint      not null,
    planned_start    timestamptz not null,
    planned_finish   timestamptz not null,
    status           text        not null,
    cancel_reason    text,
    created_at       timestamptz not null,
    ended_at         timestamptz
);

create index allocation_order on allocation (order_id);
create index allocation_active on allocation (technology_code) where status = 'ACTIVE';

create table routing_decision (
    id          bigint      generated always as identity primary key,
    order_id    text        not null references customer_order (id),
    decided_at  timestamptz not null,
    trigger     text        not null,
    state       text        not null,
    summary     text        not null,
    candidates  jsonb       not null,
    placed      jsonb       not null,
    withdrawn   jsonb       not null
);

create index routing_decision_order on routing_decision (order_id, id);
