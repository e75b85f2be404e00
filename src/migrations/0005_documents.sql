-- Documents in a case and their immutable versions (each a file in the content-addressed store).

create table documents (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('letter', 'decision', 'order', 'certificate', 'delay_notice', 'note', 'attachment')),
  title text not null,
  status text not null default 'draft'
    check (status in ('draft', 'in_approval', 'approved', 'signed', 'dispatched', 'cancelled')),
  access text not null default 'public' check (access in ('public', 'partly_public', 'non_public')),
  template_id text,
  current_version integer not null default 0,
  created_by uuid not null,
  created_at timestamptz not null,
  foreign key (office_id, case_id) references cases(office_id, id),
  unique (office_id, id)
);
create index documents_case on documents (case_id);

create table document_versions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  document_id uuid not null,
  version integer not null check (version > 0),
  file_id uuid not null,
  sha256 text not null,
  author_id uuid not null,
  created_at timestamptz not null,
  note text,
  unique (document_id, version),
  foreign key (office_id, document_id) references documents(office_id, id),
  foreign key (office_id, file_id) references files(office_id, id)
);

create trigger document_versions_append_only before update or delete on document_versions
  for each row execute function forbid_change();
