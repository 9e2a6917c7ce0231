-- A licence term: whether the licensee may read SUPERSEDED technical data releases too. Existing licences keep
-- what they had, the RELEASED revision only.
alter table licence add column earlier_revisions boolean not null default false;
