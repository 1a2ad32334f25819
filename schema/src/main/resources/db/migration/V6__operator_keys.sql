-- Operators' API keys for the admin API of ingest-service (/admin/**: dead-letter queues). Kept
-- apart from partner_api_key so that no partner key can ever open the admin API, and an operator
-- key never uploads on a partner's behalf. Like partner keys: random 256-bit secrets of which only
-- the SHA-256 (dev.nayose.schema.ApiKeyDigest) is stored.
create table operator_api_key (
  key_sha256  text primary key check (key_sha256 ~ '^[0-9a-f]{64}$'),
  -- who holds the key, as the admin API logs it
  operator    text not null check (operator ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  label       text,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);
create index operator_api_key_operator on operator_api_key (operator);
