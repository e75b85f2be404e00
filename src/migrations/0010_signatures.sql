-- Electronic signatures: the certificates people and the office sign with (PKCS#12, kept
-- encrypted by its own password, which is never stored), the signatures of document versions,
-- and the CA certificates an office trusts when it verifies signatures.

create table signing_credentials (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  -- personal: a person's own certificate; office_seal: pieczęć elektroniczna urzędu.
  kind text not null check (kind in ('personal', 'office_seal')),
  user_id uuid,
  label text not null,
  pkcs12 bytea not null,
  subject text not null,
  issuer text not null,
  serial_number text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  certificate_sha256 text not null,
  created_by uuid not null,
  created_at timestamptz not null,
  check ((kind = 'personal') = (user_id is not null)),
  foreign key (office_id, user_id) references users(office_id, id),
  foreign key (office_id, created_by) references users(office_id, id),
  unique (office_id, certificate_sha256),
  unique (office_id, id)
);
create index signing_credentials_user on signing_credentials (user_id);

create table document_signatures (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  document_id uuid not null,
  version integer not null,
  format text not null check (format in ('xades-bes')),
  -- The detached .xades file in the content-addressed store.
  file_id uuid not null,
  signer_subject text not null,
  signer_serial text not null,
  signing_time timestamptz not null,
  credential_id uuid not null,
  signed_by uuid not null,
  foreign key (office_id, document_id) references documents(office_id, id),
  foreign key (document_id, version) references document_versions(document_id, version),
  foreign key (office_id, file_id) references files(office_id, id),
  foreign key (office_id, credential_id) references signing_credentials(office_id, id),
  foreign key (office_id, signed_by) references users(office_id, id)
);
create index document_signatures_document on document_signatures (document_id);

create trigger document_signatures_append_only before update or delete on document_signatures
  for each row execute function forbid_change();

create table signature_trust_anchors (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  certificate bytea not null,
  subject text not null,
  issuer text not null,
  serial_number text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  sha256 text not null,
  created_by uuid not null,
  created_at timestamptz not null,
  foreign key (office_id, created_by) references users(office_id, id),
  unique (office_id, sha256)
);
