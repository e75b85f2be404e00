-- Offices (podmioty, tenants), their units, positions, people, roles and substitutions.

create table offices (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
  name text not null check (length(name) between 1 and 300),
  created_at timestamptz not null default now()
);

-- Komórki organizacyjne and jednostki podległe (is_subordinate_entity).
create table units (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  symbol text not null,
  name text not null,
  parent_id uuid references units(id),
  is_subordinate_entity boolean not null default false,
  created_at timestamptz not null default now(),
  unique (office_id, symbol),
  unique (office_id, id)
);

-- Stanowiska: the post a person holds, printed in the case record.
create table positions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  unit_id uuid not null,
  name text not null,
  foreign key (office_id, unit_id) references units(office_id, id),
  unique (office_id, id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  login text not null unique check (login ~ '^[a-z0-9._-]{2,64}$'),
  name text not null,
  kind text not null default 'person' check (kind in ('person', 'system')),
  password_hash text,
  unit_id uuid not null,
  position_id uuid,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  foreign key (office_id, unit_id) references units(office_id, id),
  foreign key (office_id, position_id) references positions(office_id, id),
  unique (office_id, id)
);

create table role_grants (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  user_id uuid not null,
  role text not null check (role in ('kancelaria', 'sekretariat', 'kierownik', 'prowadzacy',
    'sekretarz', 'archiwista', 'administrator', 'system')),
  scope text not null check (scope in ('desk', 'unit', 'subordinate', 'office')),
  unit_id uuid not null,
  foreign key (office_id, user_id) references users(office_id, id),
  foreign key (office_id, unit_id) references units(office_id, id),
  unique (user_id, role, unit_id)
);

-- Zastępstwa: the substitute acts with the absent person's roles within the date range.
create table substitutions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  absent_user_id uuid not null,
  substitute_user_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  check (ends_on >= starts_on),
  check (absent_user_id <> substitute_user_id),
  foreign key (office_id, absent_user_id) references users(office_id, id),
  foreign key (office_id, substitute_user_id) references users(office_id, id)
);
create index substitutions_substitute on substitutions (substitute_user_id, starts_on, ends_on);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  user_id uuid not null,
  token_hash text not null unique,
  kind text not null check (kind in ('session', 'api')),
  name text,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  foreign key (office_id, user_id) references users(office_id, id)
);

create table login_attempts (
  id uuid primary key default gen_random_uuid(),
  login text not null,
  at timestamptz not null,
  succeeded boolean not null
);
create index login_attempts_login_at on login_attempts (login, at);

-- Gapless counters (RPW, case numbers, ...): incremented inside the registering transaction, so a
-- rolled-back registration gives its number back and concurrent ones queue on the row lock.
create table counters (
  office_id uuid not null references offices(id),
  name text not null,
  scope text not null,
  year integer not null,
  value integer not null,
  primary key (office_id, name, scope, year)
);

create table files (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint not null,
  content_type text not null,
  original_name text not null,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  unique (office_id, id)
);
create index files_sha256 on files (office_id, sha256);

create table idempotency_keys (
  user_id uuid not null references users(id),
  key text not null,
  request_hash text not null,
  status_code integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
