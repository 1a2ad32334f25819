-- Issue 10: a row is rejected only when it cannot be read or identified; every other fault keeps
-- the posting and is a warning about one of its fields (ADR 0009).

-- Loaded rows with at least one warning; null until the file has been split (and for uploads
-- split before warnings existed).
alter table upload add column rows_with_warnings integer check (rows_with_warnings >= 0);

-- One row per warning, several per row possible: seq is the warning's place in the upload's
-- warnings (1, 2, ... in file order), the key partners page by.
create table upload_warning (
  upload_id    uuid not null references upload on delete cascade,
  seq          integer not null check (seq >= 1),
  row_number   bigint not null check (row_number >= 1),
  column_name  text,
  code         text not null,
  value        text not null,
  reason       text not null,
  primary key (upload_id, seq)
);
