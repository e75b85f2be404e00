-- The desk's "waiting for my signature" list reads the office's approved documents.
create index documents_approved on documents (office_id) where status = 'approved';
