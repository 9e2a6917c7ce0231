create table factory (
    id             text        primary key,
    name           text        not null,
    country        char(2)     not null,
    kind           text        not null,
    status         text        not null,
    status_reason  text,
    registered_at  timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null
);

create index factory_country on factory (country);
create index factory_kind_status on factory (kind, status);

create table factory_capability (
    factory_id  text not null references factory (id),
    category    text not null,
    primary key (factory_id, category)
);
