-- Citizens' portal (e-Urząd): residents signed in through the national identity node (only the
-- name and PESEL are kept), their sessions, the applications they submit (registered in the RPW
-- by the portal's system account), letters the office sends them through the portal, and the
-- access codes that let a party follow a case without signing in.

-- Printed on the receipt of every incoming item (paper receipt, UPP of the portal): with the
-- case signature or the RPW number it opens the status lookup. Kept in clear so the registry
-- can reprint a receipt; it opens only the status of one item, never its content.
alter table incoming_items add column access_code text check (access_code ~ '^[A-Z2-9]{10}$');

create table portal_citizens (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  pesel text not null check (pesel ~ '^[0-9]{11}$'),
  name text not null,
  created_at timestamptz not null,
  last_login_at timestamptz not null,
  unique (office_id, pesel),
  unique (office_id, id)
);

create table portal_sessions (
  token_hash text primary key,
  office_id uuid not null,
  citizen_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  foreign key (office_id, citizen_id) references portal_citizens(office_id, id)
);
create index portal_sessions_expiry on portal_sessions (expires_at);

-- SAML AuthnRequest ids waiting for the identity provider's answer (InResponseTo): each answer
-- is accepted once, and only for a request this portal made.
create table portal_saml_requests (
  id text primary key,
  value text not null,
  created_at timestamptz not null
);

create table portal_submissions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  citizen_id uuid not null,
  form_id text not null,
  title text not null,
  sender_name text not null,
  sender_address jsonb not null,
  fields jsonb not null,
  -- The application document, its printable copy and the citizen's attachments, in the file
  -- store: [{ role, name, sha256, sizeBytes, contentType }].
  files jsonb not null,
  -- SHA-256 of the application document (which lists the attachments' SHA-256): what the
  -- acknowledgement certifies.
  document_sha256 text not null,
  received_at timestamptz not null,
  status text not null default 'received' check (status in ('received', 'registered')),
  incoming_id uuid,
  receipt_xml_file_id uuid,
  receipt_pdf_file_id uuid,
  attempts integer not null default 0,
  lease_until timestamptz,
  last_error text,
  unique (office_id, id),
  unique (incoming_id),
  foreign key (office_id, citizen_id) references portal_citizens(office_id, id),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id),
  foreign key (office_id, receipt_xml_file_id) references files(office_id, id),
  foreign key (office_id, receipt_pdf_file_id) references files(office_id, id)
);
create index portal_submissions_citizen on portal_submissions (citizen_id, received_at);
create index portal_submissions_pending on portal_submissions (received_at)
  where status = 'received';

-- Letters of the office made available to a citizen in the portal (dispatch method 'portal').
create table portal_letters (
  outgoing_id uuid primary key,
  office_id uuid not null,
  citizen_id uuid not null,
  available_at timestamptz not null,
  downloaded_at timestamptz,
  foreign key (office_id, outgoing_id) references outgoing_items(office_id, id),
  foreign key (office_id, citizen_id) references portal_citizens(office_id, id)
);
create index portal_letters_citizen on portal_letters (citizen_id);

-- Status lookups without sign-in, for rate-limiting guesses per client and per looked-up item.
create table portal_lookup_attempts (
  id bigint generated always as identity primary key,
  client_key text not null,
  subject_key text not null,
  at timestamptz not null,
  succeeded boolean not null
);
create index portal_lookup_attempts_client on portal_lookup_attempts (client_key, at);
create index portal_lookup_attempts_subject on portal_lookup_attempts (subject_key, at);

-- A seal generated for the portal's acknowledgements when the office has not configured its own
-- electronic seal (demo installations). Never used while the office seal can be unlocked.
create table portal_seals (
  office_id uuid primary key references offices(id),
  pkcs12 bytea not null,
  password text not null,
  certificate_sha256 text not null,
  created_at timestamptz not null
);
