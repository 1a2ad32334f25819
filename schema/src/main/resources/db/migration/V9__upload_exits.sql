-- Every upload state has an exit (ADR 0010).
--
-- An idempotency key is released when its upload can no longer answer for it: the file never
-- arrived whole (the sweeper failed the upload), or the key expired (nayose.ingest.idempotency-key-ttl).
-- A released key no longer names the upload, so the partner's next request with it makes a new one;
-- the old upload keeps the key for the record.
alter table upload add column idempotency_released_at timestamptz;
alter table upload drop constraint upload_partner_id_idempotency_key_key;
create unique index upload_idempotency_key on upload (partner_id, idempotency_key)
  where idempotency_released_at is null;

-- How many times ingest-service's sweeper took the upload because it had not changed for a while
-- (RECEIVING: completed from its object or failed; RECEIVED: its upload event sent again).
alter table upload add column sweeps integer not null default 0 check (sweeps >= 0);
create index upload_idle on upload (state, updated_at) where state in ('RECEIVING', 'RECEIVED');
