-- Bumped by every change to what an allocation needs to know about a subnet besides its own row: its ranges
-- (create, update, delete) and its leaf/container status. The allocator caches each subnet's ranges keyed by this
-- number and reads it under the subnet lock, so a change made by another process is never missed.
ALTER TABLE subnet ADD COLUMN layout_seq BIGINT NOT NULL DEFAULT 0;

-- Children of a container in address order. (subnet_parent stays: H2 backs the parent_id foreign key with it.)
CREATE INDEX subnet_parent_first ON subnet (parent_id, first_address);
