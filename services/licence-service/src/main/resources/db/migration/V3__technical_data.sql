-- Technical data releases of a technology: revision A, B, ... in the order they were created (sequence 1, 2,
-- ...). The marking is the technology's control-list entry when the release was created.
create table technical_data_release (
    id               uuid        primary key,
    technology_code  text        not null references technology (code),
    sequence         integer     not null check (sequence > 0),
    revision         text        not null,
    state            text        not null,
    marking          text        not null,
    notes            text        not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    released_by      text,
    released_at      timestamptz,
    superseded_at    timestamptz,
    withdrawn_by     text,
    withdrawn_at     timestamptz,
    withdrawn_reason text,
    version          bigint      not null,
    unique (technology_code, sequence),
    unique (technology_code, revision),
    check ((state = 'DRAFT') = (released_at is null)),
    check ((state = 'WITHDRAWN') = (withdrawn_at is not null and withdrawn_reason is not null)),
    check (state <> 'SUPERSEDED' or superseded_at is not null),
    -- the revision licensed factories build to: never two at once, checked at commit so that releasing B and
    -- superseding A can be written in either order
    constraint technical_data_release_one_current exclude using btree (technology_code with =)
        where (state = 'RELEASED') deferrable initially deferred
);
