-- Full-text search over cases, letters and documents, fed from audit events (the outbox).

-- The transaction that wrote an event. Consumers read events in (tx, seq) order and only from
-- transactions older than every transaction still running: that set never grows again, so a
-- (tx, seq) cursor never skips an event that commits late (no time-based guess).
alter table audit_events add column tx xid8 not null default pg_current_xact_id();
create index audit_events_tx_seq on audit_events (tx, seq);
alter table notification_cursors add column last_tx xid8 not null default '0';

insert into notification_cursors (name, last_seq) values ('search', 0);

create table search_entries (
  office_id uuid not null,
  subject_type text not null check (subject_type in ('case', 'incoming', 'document')),
  subject_id uuid not null,
  case_id uuid,
  unit_id uuid,
  owner_id uuid,
  title text not null,
  reference text,
  body text not null default '',
  -- Lower case without Polish diacritics, so "zaleglosc" finds "zaległość".
  folded tsvector generated always as (to_tsvector('simple',
    translate(lower(coalesce(reference, '') || ' ' || title || ' ' || body),
      'ąćęłńóśźż', 'acelnoszz'))) stored,
  updated_at timestamptz not null,
  primary key (subject_type, subject_id)
);
create index search_entries_folded on search_entries using gin (folded);
create index search_entries_office on search_entries (office_id);
