-- The files of a letter in the order they were attached. Several files attached in one
-- transaction (an ePUAP message: the letter, its attachments, the UPP) share their added_at; the
-- sequence keeps their order (existing rows get it in their physical order, which is the order
-- they were written in).
alter table incoming_files add column seq bigserial;
