-- Audit events keep the Polish description of the action, so that the history of a letter from
-- before it joined a case (registration, dekretacja) can be carried into that case's record.

alter table audit_events add column description text;
