-- An access record holds the status the caller was answered: a person's first acknowledgement of a release is
-- answered 201 (a repeat 200), so an allowed acknowledgement may hold 201; every other allowed access holds 200.
do $$
declare
    old_check text;
begin
    for old_check in select conname from pg_constraint
            where conrelid = 'technical_data_access'::regclass and contype = 'c'
              and pg_get_constraintdef(oid) like '%status = 200%' loop
        execute format('alter table technical_data_access drop constraint %I', old_check);
    end loop;
end $$;

alter table technical_data_access
    add constraint technical_data_access_status
        check ((outcome = 'ALLOWED') = (status in (200, 201)) and (status <> 201 or action = 'ACKNOWLEDGE'));
