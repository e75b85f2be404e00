-- PAdES: a document version can also be signed inside the PDF. The signature's file is then the
-- signed PDF (the approved version followed by an incremental update holding the signature);
-- for XAdES-BES it stays the detached .xades file.

alter table document_signatures drop constraint document_signatures_format_check;
alter table document_signatures
  add constraint document_signatures_format_check check (format in ('xades-bes', 'pades'));
