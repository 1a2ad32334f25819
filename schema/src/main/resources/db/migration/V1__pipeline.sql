-- Partners, their API keys, uploads and the per-upload accounting of every stage.

create table partner (
  partner_id      text primary key check (partner_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name            text not null,
  -- HMAC key for signing status callbacks to the partner (issue 4); null until set
  callback_secret text,
  created_at      timestamptz not null default now()
);

-- API keys are random 256-bit secrets, so an unsalted SHA-256 is enough to make the stored
-- value useless to a reader of the table while keeping lookup a single index probe.
create table partner_api_key (
  key_sha256  text primary key check (key_sha256 ~ '^[0-9a-f]{64}$'),
  partner_id  text not null references partner on delete cascade,
  label       text,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);
create index partner_api_key_partner on partner_api_key (partner_id);

create table upload (
  upload_id          uuid primary key,
  partner_id         text not null references partner,
  idempotency_key    text,
  object_key         text not null,
  original_name      text,
  declared_encoding  text,
  -- null while the object is being stored (RECEIVING)
  byte_size          bigint check (byte_size >= 0),
  sha256             text,
  callback_url       text,
  -- RECEIVING -> RECEIVED -> SPLIT -> COMPLETED | STALLED ; FAILED when the file as a whole cannot be read
  state              text not null check (state in ('RECEIVING', 'RECEIVED', 'SPLIT', 'COMPLETED', 'STALLED', 'FAILED')),
  failure_reason     text,
  -- written by split-service
  detected_encoding  text,
  rows_total         integer check (rows_total >= 0),
  rows_rejected      integer check (rows_rejected >= 0),
  rows_duplicate     integer check (rows_duplicate >= 0),
  chunk_count        integer check (chunk_count >= 0),
  received_at        timestamptz not null default now(),
  split_at           timestamptz,
  settled_at         timestamptz,
  updated_at         timestamptz not null default now(),
  unique (partner_id, idempotency_key)
);
create index upload_partner_received on upload (partner_id, received_at desc);

-- One row per rejected input row: which row, which column, why.
create table upload_rejection (
  upload_id    uuid not null references upload on delete cascade,
  row_number   bigint not null,
  column_name  text,
  code         text not null,
  reason       text not null,
  primary key (upload_id, row_number)
);

-- One row per chunk that load-service committed; the primary key makes a redelivered chunk a no-op.
create table chunk_load (
  upload_id        uuid not null references upload on delete cascade,
  chunk_index      integer not null check (chunk_index >= 0),
  rows_loaded      integer not null check (rows_loaded >= 0),
  matched          integer not null,
  review           integer not null,
  unmatched        integer not null,
  matcher_version  text not null,
  worker_id        text not null,
  loaded_at        timestamptz not null default now(),
  primary key (upload_id, chunk_index)
);

-- A message a stage gave up on. chunk_index is -1 for the upload event itself (split stage).
-- A chunk that is later redriven and loaded has a chunk_load row too; loaded wins in the accounting.
create table dead_letter (
  upload_id      uuid not null references upload on delete cascade,
  stage          text not null check (stage in ('split', 'match', 'load')),
  chunk_index    integer not null check (chunk_index >= -1),
  rows_affected  integer not null check (rows_affected >= 0),
  cause          text not null,
  error_class    text,
  error_message  text,
  recorded_at    timestamptz not null default now(),
  primary key (upload_id, stage, chunk_index)
);

create table posting (
  partner_id         text not null,
  posting_id         text not null,
  upload_id          uuid not null references upload,
  chunk_index        integer not null,
  row_number         bigint not null,
  company_name       text not null,
  company_name_kana  text,
  corporate_number   text,
  postal_code        text,
  address            text,
  phone              text,
  website            text,
  job_title          text,
  employment_type    text,
  salary_min         bigint,
  salary_max         bigint,
  work_location      text,
  description        text,
  posted_at          date,
  url                text,
  decision           text not null check (decision in ('MATCHED', 'REVIEW', 'UNMATCHED')),
  company_id         text,
  office_id          text,
  score              double precision not null,
  reasons            jsonb not null,
  matcher_version    text not null,
  loaded_at          timestamptz not null default now(),
  primary key (partner_id, posting_id)
);
create index posting_upload on posting (upload_id, row_number);
create index posting_company on posting (company_id) where company_id is not null;

-- Postings waiting for a person: the best candidate and the evidence.
create table review_item (
  partner_id  text not null,
  posting_id  text not null,
  upload_id   uuid not null references upload,
  company_id  text not null,
  office_id   text,
  score       double precision not null,
  reasons     jsonb not null,
  status      text not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'REJECTED')),
  created_at  timestamptz not null default now(),
  primary key (partner_id, posting_id),
  foreign key (partner_id, posting_id) references posting on delete cascade
);
