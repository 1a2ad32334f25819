-- Master versions (ADR 11): one import-master invocation is one numbered version, a change set on
-- top of its parent, made visible by one commit. Match workers record the version they serve, and
-- every loaded chunk and posting the version it was matched against.

create table master_version (
  version            bigint primary key check (version >= 1),
  -- the published version this one was applied on top of; null for the first
  parent_version     bigint references master_version,
  -- IMPORTING while its transaction runs (nothing of it is visible), PUBLISHED once committed,
  -- FAILED when the import failed or its process died (its rows were rolled back)
  state              text not null check (state in ('IMPORTING', 'PUBLISHED', 'FAILED')),
  -- the files of the version in the order applied, e.g. "nta:a.csv, offices:offices.csv"
  sources            text not null,
  companies          integer check (companies >= 0),
  offices            integer check (offices >= 0),
  former_names       integer check (former_names >= 0),
  companies_deleted  integer check (companies_deleted >= 0),
  rows_rejected      integer check (rows_rejected >= 0),
  started_at         timestamptz not null default now(),
  finished_at        timestamptz,
  failure_reason     text,
  check ((state = 'IMPORTING') = (finished_at is null)),
  check ((state = 'FAILED') = (failure_reason is not null)),
  check (state <> 'PUBLISHED' or companies is not null)
);
-- imports are serialised (an advisory lock); at most one runs
create unique index master_version_one_importing on master_version ((true)) where state = 'IMPORTING';

-- every earlier import becomes a published version of its own, in order
insert into master_version (version, parent_version, state, sources, companies, offices, former_names,
                            companies_deleted, rows_rejected, started_at, finished_at)
select import_id, lag(import_id) over (order by import_id), 'PUBLISHED', source, companies, offices, former_names,
       0, 0, finished_at, finished_at
  from master_import;
drop table master_import;

-- One row per match worker: the version it serves and a heartbeat, so that import-master can wait
-- until every running worker serves the new version and status can show who serves what.
create table match_worker (
  worker_id           text primary key,
  -- LOADING, READY, NO_MASTER or FAILED (match-service's CurrentMaster.State)
  state               text not null,
  -- the version of the index it matches with; null while it has none
  master_version      bigint,
  matcher_version     text,
  loaded_at           timestamptz,
  last_error          text,
  started_at          timestamptz not null,
  heartbeat_at        timestamptz not null,
  -- how often it beats; a worker whose heartbeat is older than three beats is taken for gone
  heartbeat_millis    integer not null check (heartbeat_millis > 0)
);

-- null: matched before master versions existed (or by a worker publishing ChunkMatched v1)
alter table chunk_load add column master_version bigint;
alter table posting add column master_version bigint;
