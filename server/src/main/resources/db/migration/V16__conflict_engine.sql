-- The conflict engine (docs/agent.md, "Conflicts"). Portable H2/PostgreSQL SQL (docs/stack.md §2.6).

-- While a conflict is open or acknowledged, active_key is '<space id>/<address hex>/<kind>'; resolving sets it to
-- NULL. The unique constraint makes "open it unless it is open" race-free across servers: two servers deriving the
-- same conflict at once insert one row, and the loser's unique violation just means "already open". NULLs never
-- collide, so resolved history stays.
ALTER TABLE conflict ADD COLUMN active_key VARCHAR(200);
ALTER TABLE conflict ADD CONSTRAINT conflict_active UNIQUE (active_key);
ALTER TABLE conflict ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;

