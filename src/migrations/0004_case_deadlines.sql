-- The statutory deadline of a case (KPA art. 35-36): term, start, pauses (art. 35 § 5) and
-- extensions (art. 36). `deadline_due` caches the current due date for the overdue lists; it is
-- null while the clock is paused.

alter table cases
  add column deadline_term text check (deadline_term ~ '^[1-9][0-9]*[dwmy]$'),
  add column deadline_kind text check (deadline_kind in
    ('immediate', 'one_month', 'two_months', 'appeal', 'custom')),
  add column deadline_starts_on date,
  add column deadline_due date;

create index cases_deadline_due on cases (office_id, deadline_due) where status = 'open';

create table case_deadline_pauses (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  case_id uuid not null,
  reason text not null check (reason in ('suspension', 'completion', 'statutory_wait', 'party_delay', 'other')),
  description text not null,
  starts_on date not null,
  ends_on date,
  created_by uuid not null,
  created_at timestamptz not null,
  check (ends_on is null or ends_on >= starts_on),
  foreign key (office_id, case_id) references cases(office_id, id)
);
create index case_deadline_pauses_case on case_deadline_pauses (case_id);

create table case_deadline_extensions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  case_id uuid not null,
  previous_due date,
  new_due date not null,
  reason text not null,
  notice_text text not null,
  created_by uuid not null,
  created_at timestamptz not null,
  foreign key (office_id, case_id) references cases(office_id, id)
);
create index case_deadline_extensions_case on case_deadline_extensions (case_id);
