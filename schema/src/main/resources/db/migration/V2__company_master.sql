-- The company master: companies (from the National Tax Agency or the project's companies.csv),
-- their offices, and their former names.

create table company (
  company_id        text primary key,
  corporate_number  text unique check (corporate_number ~ '^[0-9]{13}$'),
  name              text not null,
  name_kana         text,
  prefecture        text,
  city              text,
  street            text,
  postal_code       text,
  phone             text,
  website           text,
  -- NTA kind code (301 株式会社 ...), null for companies.csv
  kind              text,
  closed_on         date,
  close_cause       text,
  source            text not null,
  updated_at        timestamptz not null default now()
);

create table office (
  office_id    text primary key,
  company_id   text not null references company on delete cascade,
  name         text,
  prefecture   text,
  city         text,
  street       text,
  postal_code  text,
  phone        text,
  updated_at   timestamptz not null default now()
);
create index office_company on office (company_id);

create table company_former_name (
  company_id  text not null references company on delete cascade,
  name        text not null,
  -- the change date of the record that replaced this name, when known
  until_date  date,
  primary key (company_id, name)
);

-- Each import is recorded; match workers watch the newest id and rebuild their index when it moves.
create table master_import (
  import_id     bigserial primary key,
  source        text not null,
  companies     integer not null,
  offices       integer not null,
  former_names  integer not null,
  finished_at   timestamptz not null default now()
);
