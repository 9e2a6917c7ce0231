-- Every attempt to reach a technology's technical data, allowed or refused: never updated or deleted. The
-- technology is kept as asked, without a reference, so that attempts on codes that do not exist are kept too.
-- Downloads will add the file, its digest and the download id in a migration of their own.
create table technical_data_access (
    position        bigint      generated always as identity primary key,
    recorded_at     timestamptz not null,
    actor           text        not null,
    factory_id      text,
    licence_id      text        references licence (id),
    technology_code text        not null,
    revision        text,
    action          text        not null check (action in ('LIST', 'READ')),
    outcome         text        not null check (outcome in ('ALLOWED', 'REFUSED')),
    status          integer     not null,
    reason          text,
    request_id      text        not null,
    check ((outcome = 'ALLOWED') = (status = 200)),
    check (outcome = 'ALLOWED' or reason is not null),
    check (action = 'READ' or revision is null)
);

create index technical_data_access_technology on technical_data_access (technology_code, position);
create index technical_data_access_licence on technical_data_access (licence_id, position);

create trigger technical_data_access_append_only before update or delete on technical_data_access
    for each row execute function refuse_rewriting_history();
create trigger technical_data_access_no_truncate before truncate on technical_data_access
    for each statement execute function refuse_rewriting_history();
