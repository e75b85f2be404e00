-- Notifications: derived from audit events (the outbox) and from a scan of deadlines.

alter table audit_events add column seq bigint generated always as identity;
create unique index audit_events_seq on audit_events (seq);

create table notification_cursors (
  name text primary key,
  last_seq bigint not null
);
insert into notification_cursors (name, last_seq) values ('events', 0);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  user_id uuid not null,
  kind text not null,
  message_pl text not null,
  message text not null,
  case_id uuid,
  link text,
  dedupe_key text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  emailed_at timestamptz,
  unique (user_id, dedupe_key),
  foreign key (office_id, user_id) references users(office_id, id)
);
create index notifications_unread on notifications (user_id, created_at) where read_at is null;
