-- Outgoing register (RKW) with delivery proofs, the decision register, and closing of cases.

create table outgoing_items (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  rkw_year integer not null,
  rkw_number integer not null check (rkw_number > 0),
  rkw_sign text not null,
  case_id uuid not null,
  document_id uuid,
  addressee_name text not null,
  addressee_address jsonb,
  electronic_address text,
  method text not null check (method in ('post', 'post_return_receipt', 'edoreczenia', 'epuap', 'personal', 'portal')),
  postal_class text check (postal_class in ('economy', 'priority')),
  cost_grosz integer check (cost_grosz >= 0),
  status text not null default 'registered' check (status in ('registered', 'sent', 'delivered', 'returned')),
  registered_at timestamptz not null,
  registered_by uuid not null,
  sent_at timestamptz,
  delivered_on date,
  delivery_kind text check (delivery_kind in ('receipt', 'electronic_proof', 'personal', 'fiction')),
  proof_file_id uuid,
  appeal_term text,
  appeal_due date,
  unique (office_id, rkw_year, rkw_number),
  unique (office_id, id),
  foreign key (office_id, case_id) references cases(office_id, id),
  foreign key (office_id, document_id) references documents(office_id, id),
  foreign key (office_id, proof_file_id) references files(office_id, id)
);
create index outgoing_items_case on outgoing_items (case_id);
create index outgoing_items_status on outgoing_items (office_id, status);

create table decisions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  year integer not null,
  number integer not null check (number > 0),
  sign text not null,
  kind text not null check (kind in ('decision', 'order', 'certificate')),
  case_id uuid not null,
  document_id uuid not null unique,
  issued_at timestamptz not null,
  issued_by uuid not null,
  unique (office_id, kind, year, number),
  foreign key (office_id, case_id) references cases(office_id, id),
  foreign key (office_id, document_id) references documents(office_id, id)
);

alter table cases
  add column closed_by uuid,
  add column archival_category text,
  add column disposal_from date;
