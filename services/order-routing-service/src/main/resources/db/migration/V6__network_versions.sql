-- Every routing pass read its technology's lines, licences and factories afresh: a thousand view rows and more
-- per order placed. Each replica now keeps them in memory, stamped with the version below, and a pass reads the
-- versions of its technology and of the factories (one small statement) and reloads only what changed. Whoever
-- changes a view, on any replica, sets its scope's version in the same transaction to a new value of the sequence:
-- values are never handed out twice, so a version seen in a transaction that rolled back never comes back.
create sequence network_version_seq;

create table network_version (
    scope   text   not null,
    version bigint not null,
    constraint network_version_pk primary key (scope)
);
