-- The shared core's own tables (src/platform/): every table has one owning module (see
-- ARCHITECTURE.md), and these two belong to the outbox and to the record mechanism.

-- Every outbox consumer keeps its cursor here, the search indexer as well as the notification
-- worker: the table is the outbox's, not the notifications'.
alter table notification_cursors rename to outbox_cursors;
alter table outbox_cursors rename constraint notification_cursors_pkey to outbox_cursors_pkey;

-- The head of a case's record chain (the last row's number and hash) is the record mechanism's,
-- so it leaves the cases table. The row is locked while a row is appended (the chain never
-- forks); a case gets its head with the first row of its record.
create table case_record_heads (
  case_id uuid primary key,
  office_id uuid not null,
  record_seq integer not null check (record_seq > 0),
  record_head text not null,
  foreign key (office_id, case_id) references cases(office_id, id)
);
insert into case_record_heads (case_id, office_id, record_seq, record_head)
  select id, office_id, record_seq, record_head from cases where record_seq > 0;
alter table cases drop column record_seq, drop column record_head;

-- A consumer's cursor is named after the consumer (the notification worker's was "events").
update outbox_cursors set name = 'notifications' where name = 'events';
