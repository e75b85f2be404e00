-- Incoming register (RPW), assignments (dekretacja), cases, case record (metryka), audit events.

create table incoming_items (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  rpw_year integer not null,
  rpw_number integer not null check (rpw_number > 0),
  rpw_sign text not null,
  title text not null,
  sender_name text not null,
  sender_address jsonb not null,
  letter_date text not null,
  sent_date text,
  received_at timestamptz not null,
  registered_at timestamptz not null,
  registered_by uuid not null,
  channel text not null check (channel in ('paper', 'epuap', 'edoreczenia', 'email', 'portal')),
  access text not null check (access in ('public', 'partly_public', 'non_public')),
  dcmi_type text not null default 'Text',
  kind text,
  attachments_count integer,
  sender_reference text,
  delivery_method text,
  remarks text,
  case_id uuid,
  unique (office_id, rpw_year, rpw_number),
  unique (office_id, rpw_sign),
  unique (office_id, id)
);

create table incoming_files (
  office_id uuid not null,
  incoming_id uuid not null,
  file_id uuid not null,
  added_at timestamptz not null,
  added_by uuid not null,
  primary key (incoming_id, file_id),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id),
  foreign key (office_id, file_id) references files(office_id, id)
);

create table assignments (
  id uuid primary key default gen_random_uuid(),
  -- Order of assignments within one instant (history is listed in the order they were made).
  ordinal bigint generated always as identity,
  office_id uuid not null,
  incoming_id uuid not null,
  unit_id uuid,
  user_id uuid,
  method text,
  deadline date,
  status text not null default 'pending'
    check (status in ('pending', 'accepted', 'returned', 'forwarded')),
  assigned_by uuid not null,
  assigned_at timestamptz not null,
  parent_id uuid references assignments(id),
  resolved_by uuid,
  resolved_at timestamptz,
  comment text,
  check (unit_id is not null or user_id is not null),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id),
  foreign key (office_id, unit_id) references units(office_id, id),
  foreign key (office_id, user_id) references users(office_id, id)
);
create index assignments_incoming on assignments (incoming_id);
create index assignments_user on assignments (user_id) where status = 'pending';

create table cases (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  sign text not null,
  unit_id uuid not null,
  jrwa_version_id uuid not null,
  jrwa_symbol text not null,
  number integer not null check (number > 0),
  year integer not null,
  sub_number integer check (sub_number > 0),
  parent_case_id uuid references cases(id),
  title text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  handler_id uuid not null,
  opened_at timestamptz not null,
  opened_by uuid not null,
  closed_at timestamptz,
  initiating_incoming_id uuid,
  remarks text,
  record_seq integer not null default 0,
  record_head text not null default '',
  unique (office_id, sign),
  unique (office_id, id),
  foreign key (office_id, unit_id) references units(office_id, id),
  foreign key (office_id, handler_id) references users(office_id, id),
  foreign key (office_id, jrwa_version_id) references jrwa_versions(office_id, id)
);
create index cases_list on cases (office_id, year, unit_id, jrwa_symbol);
create index cases_handler on cases (handler_id) where status = 'open';

alter table incoming_items
  add foreign key (office_id, case_id) references cases(office_id, id);

-- Metryka sprawy (KPA art. 66a): append-only, hash-chained per case.
create table case_record_rows (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  case_id uuid not null,
  seq integer not null,
  at timestamptz not null,
  actor_id uuid not null,
  actor_name text not null,
  actor_post text not null,
  action text not null,
  description text not null,
  document_id text,
  prev_hash text not null,
  hash text not null,
  unique (case_id, seq),
  foreign key (office_id, case_id) references cases(office_id, id)
);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'append-only table %: rows are never changed or deleted', tg_table_name
    using errcode = 'P0001';
end $$;

create trigger case_record_rows_append_only before update or delete on case_record_rows
  for each row execute function forbid_change();

-- Audit events: every change, for every subject (the outbox for notifications and search).
create table audit_events (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  at timestamptz not null,
  actor_id uuid not null,
  action text not null,
  subject_type text not null,
  subject_id uuid not null,
  case_id uuid,
  payload jsonb not null default '{}'
);
create index audit_events_subject on audit_events (subject_type, subject_id);

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function forbid_change();
