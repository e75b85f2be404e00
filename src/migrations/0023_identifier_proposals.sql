-- Identifiers found in a letter's text (issue 14, point 2), validated by their checksums and
-- proposed to the kancelaria, who accepts (the owning module applies it) or dismisses each one.
create table identifier_proposals (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  incoming_id uuid not null,
  kind text not null check (kind in
    ('pesel', 'nip', 'regon', 'krs', 'iban', 'edelivery', 'email', 'case_sign', 'rpw')),
  value text not null,
  -- As written in the text (for showing where it came from).
  raw text not null,
  -- A case sign or RPW number of this office resolved to its case / letter.
  related_case_id uuid,
  related_incoming_id uuid,
  status text not null default 'proposed' check (status in ('proposed', 'accepted', 'dismissed')),
  found_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid,
  unique (incoming_id, kind, value),
  unique (office_id, id),
  foreign key (office_id, incoming_id) references incoming_items(office_id, id),
  foreign key (office_id, related_case_id) references cases(office_id, id),
  foreign key (office_id, related_incoming_id) references incoming_items(office_id, id)
);

-- The sender's identifiers a person confirmed (PESEL, NIP, REGON, KRS, IBAN, e-Doręczenia
-- address, e-mail): kind → value.
alter table incoming_items add column sender_identifiers jsonb not null default '{}';
