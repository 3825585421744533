-- Probe before allocate, per address space (issue 9: "per-space setting, on by default where agents cover").
-- A space without a row probes (the default); a row says what an admin chose. Kept beside address_space rather than
-- in it: probing is the server's agent feature, not part of the IPAM core's model. Deleting a space deletes its row.
CREATE TABLE space_probe_setting (
    space_id               BIGINT PRIMARY KEY REFERENCES address_space (id) ON DELETE CASCADE,
    probe_before_allocate  BOOLEAN NOT NULL
);
