-- The files of a technical data release, their contents in chunks of about 1 MiB, so that a file of any size is
-- written and read one chunk at a time and is backed up with the rest of the database. A file is replaced by
-- another row (and its chunks) while its release is a DRAFT; a released revision's files never change.
create table technical_data_file (
    id          uuid        primary key,
    release_id  uuid        not null references technical_data_release (id),
    name        text        not null check (name ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$'),
    media_type  text        not null,
    size        bigint      not null check (size >= 0),
    sha256      text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by text        not null,
    uploaded_at timestamptz not null,
    unique (release_id, name)
);

-- Chunks are written before their file's row, which is added once the whole body has arrived and its digest is
-- checked: the reference is checked at commit.
create table technical_data_file_chunk (
    file_id uuid    not null references technical_data_file (id) on delete cascade deferrable initially deferred,
    seq     integer not null check (seq >= 0),
    bytes   bytea   not null,
    primary key (file_id, seq)
);

-- Who acknowledged a release's export-control notice, when, under which licence and for which factory, and the
-- notice as it was shown: never updated or deleted. A person acknowledges a release once.
create table technical_data_acknowledgement (
    position        bigint      generated always as identity primary key,
    release_id      uuid        not null references technical_data_release (id),
    technology_code text        not null,
    revision        text        not null,
    licence_id      text        not null references licence (id),
    factory_id      text        not null,
    acknowledged_by text        not null,
    acknowledged_at timestamptz not null,
    notice          text        not null,
    unique (release_id, acknowledged_by)
);

create trigger technical_data_acknowledgement_append_only before update or delete on technical_data_acknowledgement
    for each row execute function refuse_rewriting_history();
create trigger technical_data_acknowledgement_no_truncate before truncate on technical_data_acknowledgement
    for each statement execute function refuse_rewriting_history();
