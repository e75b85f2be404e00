-- OCR of scans (issue 14, point 1): every image and PDF attached to a letter or a document gets
-- its text in the background, page by page. A page that keeps failing is quarantined after its
-- retries; the original file is never changed, the searchable PDF is a new file beside it.

create table ocr_files (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  file_id uuid not null,
  incoming_id uuid,
  document_id uuid,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'done', 'quarantined')),
  -- How the text was read: tesseract (at least one page), the PDF's text layer, or a text file.
  method text check (method in ('ocr', 'text_layer', 'text')),
  page_count integer,
  -- Mean word confidence (0-100) over the pages tesseract read.
  confidence real,
  text text,
  searchable_file_id uuid,
  requested_by uuid not null,
  queued_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  -- 1 for the first reading, +1 for each re-run the kancelaria asks for.
  run integer not null default 1,
  -- File first: the search indexer looks readings up by file id alone.
  unique (file_id, office_id),
  unique (office_id, id),
  foreign key (office_id, file_id) references files(office_id, id),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id),
  foreign key (office_id, searchable_file_id) references files(office_id, id),
  check ((incoming_id is null) <> (document_id is null))
);
create index ocr_files_incoming on ocr_files (incoming_id) where incoming_id is not null;
create index ocr_files_document on ocr_files (document_id) where document_id is not null;
create index ocr_files_open on ocr_files (queued_at) where status in ('queued', 'running');

create table ocr_pages (
  ocr_file_id uuid not null references ocr_files(id) on delete cascade,
  page integer not null check (page > 0),
  source text not null check (source in ('ocr', 'text_layer', 'text')),
  status text not null default 'pending' check (status in ('pending', 'done', 'quarantined')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  -- Held by the worker reading the page; a crashed worker's lease runs out.
  lease_until timestamptz,
  confidence real,
  text text,
  -- Tesseract's one-page PDF (image with the invisible text), merged when the file is done.
  pdf bytea,
  last_error text,
  primary key (ocr_file_id, page)
);
create index ocr_pages_due on ocr_pages (next_attempt_at) where status = 'pending';

-- The OCR worker reads attachments from the audit events (the outbox) from the beginning, so
-- scans registered before this migration are read too.
insert into outbox_cursors (name, last_seq) values ('ocr', 0);
