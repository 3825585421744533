-- One foreign key per allocation row instead of two. Every allocation row was checked against address_space (space_id)
-- and against subnet (subnet_id): two referential-integrity lookups per inserted row, which cost the database more
-- than the insert itself, and the address_space check share-locked the one space row from every concurrent batch
-- (a multixact as soon as two batches insert at once). A composite key (subnet_id, space_id) -> subnet (id, space_id)
-- is one lookup, on the subnet row the allocating transaction has already locked, and it is stronger: it also proves
-- that the row's space is its subnet's space (the space itself is guaranteed by subnet.space_id's own key).
ALTER TABLE subnet ADD CONSTRAINT subnet_id_space UNIQUE (id, space_id);
ALTER TABLE allocation ADD CONSTRAINT allocation_subnet_space FOREIGN KEY (subnet_id, space_id) REFERENCES subnet (id, space_id);
-- The names PostgreSQL gave the two single-column keys in V1. H2 names them differently and keeps them (IF EXISTS):
-- there they are redundant with the new key, and cost only H2's time.
ALTER TABLE allocation DROP CONSTRAINT IF EXISTS allocation_space_id_fkey;
ALTER TABLE allocation DROP CONSTRAINT IF EXISTS allocation_subnet_id_fkey;
