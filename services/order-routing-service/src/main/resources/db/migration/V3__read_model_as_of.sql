-- The time of the event each view row shows, so that a late, older snapshot never replaces a newer one. Rows kept
-- before this column existed have none and take the next snapshot whatever its time.
alter table factory_view add column as_of timestamptz;
alter table licence_view add column as_of timestamptz;
alter table line_view add column as_of timestamptz;
