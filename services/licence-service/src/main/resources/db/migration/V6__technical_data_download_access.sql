-- Downloads and acknowledgements on record beside listings and reads: a download names the file asked for, the
-- SHA-256 (hex) of what was served and the download id the answer carried; a refused one names the file only.
alter table technical_data_access
    add column file_name   text,
    add column digest      text check (digest ~ '^[0-9a-f]{64}$'),
    add column download_id uuid;

do $$
declare
    old_check text;
begin
    for old_check in select conname from pg_constraint
            where conrelid = 'technical_data_access'::regclass and contype = 'c'
              and pg_get_constraintdef(oid) like '%action%' loop
        execute format('alter table technical_data_access drop constraint %I', old_check);
    end loop;
end $$;

alter table technical_data_access
    add constraint technical_data_access_action
        check (action in ('LIST', 'READ', 'DOWNLOAD', 'ACKNOWLEDGE')),
    add constraint technical_data_access_revision check (action = 'LIST' or revision is not null),
    add constraint technical_data_access_listing_without_revision check (action <> 'LIST' or revision is null),
    add constraint technical_data_access_download_file check ((action = 'DOWNLOAD') = (file_name is not null)),
    add constraint technical_data_access_download_served
        check ((digest is null) = (download_id is null) and (download_id is null or outcome = 'ALLOWED'));
