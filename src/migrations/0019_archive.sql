-- The archiwum zakładowe (instrukcja archiwalna): hand-over of closed cases by their unit, the
-- archive's register of what it holds, and access to the records it holds (udostępnianie).

-- Spis zdawczo-odbiorczy: a unit hands over the cases of one JRWA class and one year; the
-- archivist checks the list and accepts it or returns it with remarks. Numbered per office and
-- year of preparation ("SZO/3/2028").
create table archive_transfers (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  year integer not null,
  number integer not null,
  sign text not null,
  unit_id uuid not null,
  jrwa_symbol text not null,
  case_year integer not null,
  status text not null default 'prepared'
    check (status in ('prepared', 'submitted', 'accepted', 'returned')),
  prepared_by uuid not null,
  prepared_at timestamptz not null,
  submitted_at timestamptz,
  decided_by uuid,
  decided_at timestamptz,
  remarks text,
  unique (office_id, id),
  unique (office_id, year, number),
  foreign key (office_id, unit_id) references units(office_id, id),
  foreign key (office_id, prepared_by) references users(office_id, id),
  foreign key (office_id, decided_by) references users(office_id, id)
);
create index archive_transfers_unit on archive_transfers (office_id, unit_id, status);

-- The positions of a spis (liczba porządkowa), one case each.
create table archive_transfer_items (
  office_id uuid not null,
  transfer_id uuid not null,
  case_id uuid not null,
  position integer not null,
  primary key (transfer_id, case_id),
  unique (transfer_id, position),
  foreign key (office_id, transfer_id) references archive_transfers(office_id, id) on delete cascade,
  foreign key (office_id, case_id) references cases(office_id, id)
);
create index archive_transfer_items_case on archive_transfer_items (case_id);

-- What the archive holds: one row per accepted case, with the place of its paper part (shelf,
-- box, sygnatura archiwalna) when it has one.
create table archive_holdings (
  case_id uuid primary key,
  office_id uuid not null,
  transfer_id uuid not null,
  accepted_at timestamptz not null,
  accepted_by uuid not null,
  shelf text,
  box text,
  archival_sign text,
  unique (office_id, case_id),
  foreign key (office_id, case_id) references cases(office_id, id),
  foreign key (office_id, transfer_id) references archive_transfers(office_id, id),
  foreign key (office_id, accepted_by) references users(office_id, id)
);

-- Udostępnianie: a request to view records in the archive or to borrow them, decided by the
-- archivist, with a due date for a loan and the day they came back.
create table archive_loans (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('view', 'loan')),
  purpose text not null check (length(purpose) between 1 and 1000),
  status text not null default 'requested'
    check (status in ('requested', 'approved', 'rejected', 'returned')),
  requested_by uuid not null,
  requested_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  due_on date,
  decision_remarks text,
  returned_at timestamptz,
  unique (office_id, id),
  foreign key (office_id, case_id) references archive_holdings(office_id, case_id),
  foreign key (office_id, requested_by) references users(office_id, id),
  foreign key (office_id, decided_by) references users(office_id, id)
);
create index archive_loans_case on archive_loans (case_id, status);
create index archive_loans_requester on archive_loans (office_id, requested_by, status);

-- Brakowanie: records whose period has passed. A held case can be put on hold (legal hold:
-- a court, an audit, a claim), which stops its disposal whatever the lists say.
alter table archive_holdings
  add column legal_hold_reason text,
  add column destroyed_at timestamptz;

-- Spis dokumentacji niearchiwalnej (B<n> due for disposal; BE<n> due for the state archive's
-- expert review): the archive's commission answers per item, the state archive's consent is
-- filed as a document with its number and date, and only then the records are destroyed, item by
-- item after a second check, with a protocol. The metadata, the list and the protocol remain.
create table disposal_lists (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  year integer not null,
  number integer not null,
  sign text not null,
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'consented', 'executed')),
  prepared_by uuid not null,
  prepared_at timestamptz not null,
  submitted_at timestamptz,
  consent_number text,
  consent_date date,
  consent_file_id uuid,
  consent_recorded_at timestamptz,
  executed_by uuid,
  executed_at timestamptz,
  protocol_file_id uuid,
  unique (office_id, id),
  unique (office_id, year, number),
  foreign key (office_id, prepared_by) references users(office_id, id),
  foreign key (office_id, executed_by) references users(office_id, id),
  foreign key (office_id, consent_file_id) references files(office_id, id),
  foreign key (office_id, protocol_file_id) references files(office_id, id)
);

create table disposal_list_items (
  office_id uuid not null,
  list_id uuid not null,
  case_id uuid not null,
  position integer not null,
  category text not null,
  -- disposal: B<n> records; expert_review: BE<n> records the state archive reviews (keep = A).
  kind text not null check (kind in ('disposal', 'expert_review')),
  commission_answer text check (commission_answer in ('destroy', 'keep')),
  commission_remarks text,
  -- What happened at execution: destroyed, or kept and why (the second check).
  outcome text check (outcome in ('destroyed', 'kept')),
  outcome_reason text,
  primary key (list_id, case_id),
  unique (list_id, position),
  foreign key (office_id, list_id) references disposal_lists(office_id, id) on delete cascade,
  foreign key (office_id, case_id) references archive_holdings(office_id, case_id)
);
create index disposal_list_items_case on disposal_list_items (case_id);

-- A file whose content was destroyed keeps its row (name, size, SHA-256): the protocol and the
-- metadata say what existed.
alter table files add column destroyed_at timestamptz;
