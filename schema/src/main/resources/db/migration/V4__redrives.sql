-- An operator's redrive of a dead letter: how often its message was sent back to its queue, and
-- when last. The dead letter stays until the chunk is loaded (a chunk_load row), so an upload shows
-- per stage what was dead-lettered, what of it was redriven, and what is still open.
alter table dead_letter
  add column redrives integer not null default 0 check (redrives >= 0),
  add column last_redriven_at timestamptz;
