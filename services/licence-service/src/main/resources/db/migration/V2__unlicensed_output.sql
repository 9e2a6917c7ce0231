-- Good units no licence covered when they were observed: accepted (they were made) and kept for the
-- technology officers, one row per output report that had any. Never updated or deleted.
create table unlicensed_output (
    event_id          uuid        primary key references quota_ledger (event_id),
    line_id           text        not null,
    region            text,
    factory_id        text        not null,
    technology_code   text        not null,
    report_id         text        not null,
    observed_at       timestamptz not null,
    good_units        bigint      not null,
    unlicensed_units  bigint      not null check (unlicensed_units between 1 and good_units),
    -- NO_VALID_LICENCE or QUOTA_EXCEEDED
    reason            text        not null,
    reported_by       text        not null,
    recorded_at       timestamptz not null
);

-- officers read it newest first, for the network or one factory and technology
create index unlicensed_output_observed on unlicensed_output (observed_at desc, event_id);
create index unlicensed_output_factory on unlicensed_output (factory_id, technology_code, observed_at desc);

create trigger unlicensed_output_append_only before update or delete on unlicensed_output
    for each row execute function refuse_rewriting_history();
create trigger unlicensed_output_no_truncate before truncate on unlicensed_output
    for each statement execute function refuse_rewriting_history();
