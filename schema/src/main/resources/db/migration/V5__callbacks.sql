-- Status callbacks to partners (issue 4): an outbox, written by UploadLedger.settle in the same
-- statement that settles the upload, so that a crash can delay a callback but never lose it.
-- Dispatchers (load-service) claim due rows with `for update skip locked` and a lease, so that
-- several instances never send the same attempt twice.

create table callback_delivery (
  -- sent as X-Nayose-Delivery; the same on every attempt, so a partner can drop repeats
  delivery_id      uuid primary key,
  upload_id        uuid not null references upload on delete cascade,
  event            text not null check (event in ('upload.completed', 'upload.stalled')),
  -- copied from upload.callback_url when the event was recorded
  url              text not null,
  -- PENDING -> (RETRYING ->)* DELIVERED | GAVE_UP; SUPERSEDED when a newer event of the same upload
  -- was recorded before this one was delivered (the partner hears the newer state only)
  state            text not null check (state in ('PENDING', 'RETRYING', 'DELIVERED', 'GAVE_UP', 'SUPERSEDED')),
  -- attempts started, counted when an attempt is claimed
  attempts         integer not null default 0 check (attempts >= 0),
  -- due when state is PENDING or RETRYING; while an attempt runs, the end of its lease
  next_attempt_at  timestamptz not null default now(),
  last_attempt_at  timestamptz,
  -- the HTTP status of the last attempt, null when it got no response
  last_status      integer,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index callback_delivery_due on callback_delivery (next_attempt_at) where state in ('PENDING', 'RETRYING');
create index callback_delivery_upload on callback_delivery (upload_id, created_at desc);
