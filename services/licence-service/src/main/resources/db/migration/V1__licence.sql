create table technology (
    code                text        primary key,
    name                text        not null,
    category            text        not null,
    control_list_entry  text        not null,
    owner               text,
    created_by          text        not null,
    created_at          timestamptz not null
);

create index technology_category on technology (category);

-- What this service knows of the factories, from factory.events: enough to check that a licensee exists and
-- is ACTIVE. as_of is when the factory service committed the state the row shows.
create table factory_view (
    id             text        primary key,
    name           text        not null,
    country        char(2)     not null,
    kind           text        not null,
    status         text        not null,
    status_reason  text,
    as_of          timestamptz not null
);

create table licence (
    id                      text        primary key,
    technology_code         text        not null references technology (code),
    technology_category     text        not null,
    factory_id              text        not null references factory_view (id),
    quantity_cap            bigint      not null check (quantity_cap > 0),
    units_consumed          bigint      not null check (units_consumed between 0 and quantity_cap),
    valid_from              date        not null,
    valid_to                date        not null,
    provisos                text,
    status                  text        not null,
    status_reason           text,
    suspended_by_officer    boolean     not null,
    suspended_with_factory  boolean     not null,
    requested_by            text,
    granted_by              text,
    granted_at              timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null,
    check (valid_from < valid_to),
    check ((status = 'SUSPENDED') = (suspended_by_officer or suspended_with_factory))
);

create index licence_factory_technology on licence (factory_id, technology_code, status);
create index licence_status_valid_to on licence (status, valid_to);

create table licence_activity (
    licence_id  text not null references licence (id),
    activity    text not null,
    primary key (licence_id, activity)
);

create table licence_territory (
    licence_id  text    not null references licence (id),
    country     char(2) not null,
    primary key (licence_id, country)
);

-- The audit trail: one row per change of a licence, never updated or deleted (enforced below, so that not
-- even a faulty release or a hand-typed statement can rewrite history).
create table licence_audit (
    position     bigint      generated always as identity primary key,
    licence_id   text        not null references licence (id),
    recorded_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    changes      jsonb       not null,
    reason       text
);

create index licence_audit_licence on licence_audit (licence_id, position);

-- Every OutputReported counted, once: by event id, and by line and report id in case a report is ever
-- announced twice under different event ids.
create table quota_ledger (
    event_id          uuid        primary key,
    line_id           text        not null,
    report_id         text        not null,
    factory_id        text        not null,
    technology_code   text        not null,
    observed_at       timestamptz not null,
    good_units        bigint      not null check (good_units >= 0),
    units_unlicensed  bigint      not null check (units_unlicensed between 0 and good_units),
    recorded_at       timestamptz not null,
    unique (line_id, report_id)
);

create index quota_ledger_factory_technology on quota_ledger (factory_id, technology_code);

-- How the good units of one report were charged to licences.
create table quota_charge (
    event_id    uuid   not null references quota_ledger (event_id),
    licence_id  text   not null references licence (id),
    units       bigint not null check (units > 0),
    primary key (event_id, licence_id)
);

create index quota_charge_licence on quota_charge (licence_id);

create function refuse_rewriting_history() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger licence_audit_append_only before update or delete on licence_audit
    for each row execute function refuse_rewriting_history();
create trigger licence_audit_no_truncate before truncate on licence_audit
    for each statement execute function refuse_rewriting_history();
create trigger quota_ledger_append_only before update or delete on quota_ledger
    for each row execute function refuse_rewriting_history();
create trigger quota_ledger_no_truncate before truncate on quota_ledger
    for each statement execute function refuse_rewriting_history();
create trigger quota_charge_append_only before update or delete on quota_charge
    for each row execute function refuse_rewriting_history();
create trigger quota_charge_no_truncate before truncate on quota_charge
    for each statement execute function refuse_rewriting_history();
