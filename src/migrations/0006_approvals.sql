-- Approval (akceptacja): configurable paths and, per document version, a round of tasks.

create table approval_paths (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  name text not null,
  unit_id uuid,
  jrwa_symbol text,
  document_kind text,
  -- [{ "kind": "approve" | "opinion", "approverIds": [uuid, ...] }, ...]: steps in order; several
  -- approvers in one step act in parallel and all must decide.
  steps jsonb not null,
  created_by uuid not null,
  created_at timestamptz not null,
  foreign key (office_id, unit_id) references units(office_id, id),
  unique (office_id, id)
);

create table approval_rounds (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  document_id uuid not null,
  version integer not null,
  path_id uuid,
  status text not null default 'pending' check (status in ('pending', 'approved', 'returned')),
  started_by uuid not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  foreign key (office_id, document_id) references documents(office_id, id),
  unique (office_id, id)
);
create index approval_rounds_document on approval_rounds (document_id);

create table approval_tasks (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  round_id uuid not null,
  step_no integer not null,
  kind text not null check (kind in ('approve', 'opinion')),
  approver_id uuid not null,
  status text not null check (status in ('waiting', 'current', 'approved', 'returned', 'forwarded', 'cancelled')),
  decided_by uuid,
  decided_at timestamptz,
  comment text,
  ordinal bigint generated always as identity,
  foreign key (office_id, round_id) references approval_rounds(office_id, id),
  foreign key (office_id, approver_id) references users(office_id, id)
);
create index approval_tasks_approver on approval_tasks (approver_id) where status = 'current';
