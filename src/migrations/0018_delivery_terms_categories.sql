-- Legal exactness of delivery, terms and categories (see docs/legal.md).

-- Delivery of outgoing items.
--  * addressee_kind: a letter to a public entity (podmiot publiczny: another office, the SKO) is
--    delivered by e-Doręczenia when it arrives (u.d.e. art. 41 ust. 1 pkt 2, art. 42 ust. 1 pkt 2);
--    to a person or a business (podmiot niepubliczny) when collected, or by the fiction of
--    u.d.e. art. 42 ust. 2.
--  * arrived_on / arrival_proof_file_id: the day the letter arrived in the addressee's box as the
--    operator's dowód otrzymania states it, and that proof, filed with the letter. The fiction runs
--    from this day, never from the time Obieg marked the item sent.
--  * first_notice_on: post, KPA art. 44: the day of the first notice (awizo); a letter not collected
--    is delivered at the end of the 14-day storage period counted from it.
--  * not_collected_at: the portal has no fiction (KPA art. 39 § 1); when a letter is not downloaded
--    the handler is told once, and sends it by e-Doręczenia or post.
alter table outgoing_items
  add column addressee_kind text not null default 'person'
    check (addressee_kind in ('person', 'business', 'public_entity')),
  add column arrived_on date,
  add column arrival_proof_file_id uuid,
  add column first_notice_on date,
  add column not_collected_at timestamptz,
  add foreign key (office_id, arrival_proof_file_id) references files(office_id, id);

alter table outgoing_items drop constraint outgoing_items_delivery_kind_check;
alter table outgoing_items add constraint outgoing_items_delivery_kind_check check (
  delivery_kind in ('receipt', 'electronic_proof', 'personal', 'fiction', 'postal_fiction', 'arrival')
);

-- Parties of a case (strony postępowania): the sender of the initiating letter and anyone the
-- handler adds. Every party receives the delay notice of art. 36 § 1 KPA.
create table case_parties (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  case_id uuid not null,
  name text not null check (length(name) between 1 and 300),
  address jsonb,
  electronic_address text,
  incoming_id uuid,
  added_at timestamptz not null,
  added_by uuid not null,
  unique (office_id, id),
  foreign key (office_id, case_id) references cases(office_id, id),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id),
  foreign key (office_id, added_by) references users(office_id, id)
);
create index case_parties_case on case_parties (case_id);

insert into case_parties (office_id, case_id, name, address, incoming_id, added_at, added_by)
select c.office_id, c.id, i.sender_name, i.sender_address, i.id, c.opened_at, c.opened_by
from cases c
join incoming_items i on i.id = c.initiating_incoming_id;

-- Deadlines. "Niezwłocznie" (art. 35 § 2 KPA) has no day count: an immediate deadline has no term
-- and no due date, only the day a reminder is due. Pauses and extensions share one sequence, so
-- a pause recorded after an extension is known to move the extended date (art. 35 § 5 with
-- art. 36); the notice of art. 36 § 1 is a document of the case.
alter table cases add column deadline_remind_on date;
-- Immediate deadlines set before this migration were counted as one day: they had no end date.
update cases set deadline_term = null where deadline_kind = 'immediate';
update cases c set deadline_due = null
where c.deadline_kind = 'immediate'
  and not exists (select 1 from case_deadline_extensions e where e.case_id = c.id);

create sequence case_deadline_events_seq;
alter table case_deadline_pauses
  add column seq bigint not null default nextval('case_deadline_events_seq');
alter table case_deadline_extensions
  add column seq bigint not null default nextval('case_deadline_events_seq'),
  add column notice_document_id uuid,
  add foreign key (office_id, notice_document_id) references documents(office_id, id);

-- Archival categories. BE<n> is not a disposal date: after n years the state archive reviews the
-- records and may make them A. Pre-2011 wykazy give a second category for units other than the
-- class's home unit (komórka macierzysta); jrwa_home_units says which unit owns which classes.
alter table cases add column expert_review_from date;

create table jrwa_home_units (
  office_id uuid not null,
  unit_id uuid not null,
  -- A final class or a whole branch of the wykaz ('05' covers 0561).
  symbol text not null check (symbol ~ '^[0-9]{1,6}$'),
  created_at timestamptz not null,
  created_by uuid not null,
  primary key (office_id, unit_id, symbol),
  foreign key (office_id, unit_id) references units(office_id, id)
);
create index jrwa_home_units_symbol on jrwa_home_units (office_id, symbol);

-- The case record names the post a person held when they acted (KPA art. 66a): the audit event
-- keeps the name and post of that moment, for rows carried into a case later.
alter table audit_events
  add column actor_name text,
  add column actor_post text;
