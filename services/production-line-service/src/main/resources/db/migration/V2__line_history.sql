-- Every change of a line's registration (factory, technology, nominal capacity): who, when, before and after.
-- Kept from this version on; a line registered before has its later changes here. Never updated or deleted.
create table line_change (
    id                       bigint      generated always as identity primary key,
    line_id                  text        not null references production_line (id),
    changed_at               timestamptz not null,
    changed_by               text        not null,
    -- all three null for the registration of a new line
    factory_id_before        text,
    technology_code_before   text,
    nominal_capacity_before  integer,
    factory_id_after         text        not null,
    technology_code_after    text        not null,
    nominal_capacity_after   integer     not null check (nominal_capacity_after > 0),
    check ((factory_id_before is null) = (technology_code_before is null)
        and (factory_id_before is null) = (nominal_capacity_before is null))
);

create index line_change_line on line_change (line_id, id);

create function refuse_rewriting_line_history() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger line_change_append_only before update or delete on line_change
    for each row execute function refuse_rewriting_line_history();
create trigger line_change_no_truncate before truncate on line_change
    for each statement execute function refuse_rewriting_line_history();
