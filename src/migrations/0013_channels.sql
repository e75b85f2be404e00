-- National channels gateway (ePUAP, e-Doręczenia): the office's mailboxes, every message seen in
-- them (one row per mailbox and service id, so a message is downloaded and registered once, even
-- across a crash), and the outgoing items sent through them until their delivery proof arrives.

create table channel_mailboxes (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  channel text not null check (channel in ('epuap', 'edoreczenia')),
  -- ePUAP: the box address (/urzad/skrytka); e-Doręczenia: the electronic delivery address (AE:PL-…).
  address text not null,
  name text not null,
  -- The system account (users.kind = 'system') that registers what arrives and sends what leaves.
  gateway_user_id uuid not null,
  active boolean not null default true,
  requests_per_second integer not null check (requests_per_second between 1 and 1000),
  -- The service's cursor after the last page taken; null = from the start.
  cursor text,
  -- Back-off: failures in a row, and when the mailbox may be asked again.
  failures integer not null default 0,
  next_poll_at timestamptz not null,
  last_poll_at timestamptz,
  -- Set when a listing found nothing new; cleared when it did.
  caught_up_at timestamptz,
  last_error text,
  -- One gateway node works a mailbox at a time; the lease ends by itself if that node dies.
  lease_owner text,
  lease_until timestamptz,
  created_by uuid not null,
  created_at timestamptz not null,
  unique (channel, address),
  unique (office_id, id),
  foreign key (office_id, gateway_user_id) references users(office_id, id),
  foreign key (office_id, created_by) references users(office_id, id)
);

create table channel_messages (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  channel text not null check (channel in ('epuap', 'edoreczenia')),
  -- null for a saved message brought in by `obieg channel import`; its key is then its checksum.
  mailbox_id uuid references channel_mailboxes(id),
  external_id text not null,
  -- listed → fetched (downloaded, kept in the file store) → registered (in the RPW); or dead.
  state text not null check (state in ('listed', 'fetched', 'registered', 'dead')),
  listed_at timestamptz not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  last_error text,
  envelope_sha256 text,
  document_sha256 text,
  fetched_at timestamptz,
  received_at timestamptz,
  incoming_id uuid,
  registered_at timestamptz,
  signature_reports jsonb,
  dead_reason text,
  dead_at timestamptz,
  check ((state = 'registered') = (incoming_id is not null)),
  check (state not in ('fetched', 'registered') or envelope_sha256 is not null),
  check ((state = 'dead') = (dead_reason is not null)),
  foreign key (office_id, mailbox_id) references channel_mailboxes(office_id, id),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id)
);
create unique index channel_messages_mailbox_key on channel_messages (mailbox_id, external_id)
  where mailbox_id is not null;
create unique index channel_messages_import_key on channel_messages (office_id, external_id)
  where mailbox_id is null;
create index channel_messages_work on channel_messages (mailbox_id, state, listed_at)
  where state in ('listed', 'fetched');
create index channel_messages_dead on channel_messages (office_id, dead_at) where state = 'dead';
create index channel_messages_document on channel_messages (office_id, document_sha256);
create index channel_messages_incoming on channel_messages (incoming_id);

create table channel_outbound (
  outgoing_id uuid primary key,
  office_id uuid not null,
  mailbox_id uuid not null,
  -- queued → sent (in the addressee's box) → delivered (proof or fiction filed); or dead.
  state text not null check (state in ('queued', 'sent', 'delivered', 'dead')),
  external_id text,
  queued_at timestamptz not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  sent_at timestamptz,
  delivered_at timestamptz,
  dead_reason text,
  dead_at timestamptz,
  check ((state = 'dead') = (dead_reason is not null)),
  foreign key (office_id, outgoing_id) references outgoing_items(office_id, id),
  foreign key (office_id, mailbox_id) references channel_mailboxes(office_id, id)
);
create index channel_outbound_work on channel_outbound (state, next_attempt_at)
  where state in ('queued', 'sent');
create index channel_outbound_mailbox on channel_outbound (mailbox_id, state);
