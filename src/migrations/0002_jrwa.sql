-- JRWA (jednolity rzeczowy wykaz akt): versioned per office by adoption date.

create table jrwa_versions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  name text not null,
  adopted_on date not null,
  source_format text not null check (source_format in ('gmina-1999', 'jrwa-2011')),
  imported_at timestamptz not null,
  imported_by uuid not null,
  unique (office_id, adopted_on),
  unique (office_id, id)
);

create table jrwa_classes (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  version_id uuid not null,
  symbol text not null check (symbol ~ '^[0-9]{1,6}$'),
  title text not null,
  category text,
  category_elsewhere text,
  remarks text,
  is_final boolean not null,
  line_no integer not null,
  foreign key (office_id, version_id) references jrwa_versions(office_id, id),
  unique (version_id, symbol)
);

-- Defects found on import, row by row: reported and kept, never fixed silently.
create table jrwa_import_defects (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  version_id uuid not null,
  line_no integer not null,
  symbol text,
  code text not null,
  message text not null,
  message_pl text not null,
  foreign key (office_id, version_id) references jrwa_versions(office_id, id)
);
