-- an officer deciding on a licence asks for the open work under it
create index allocation_active_licence on allocation (licence_id) where status = 'ACTIVE';
