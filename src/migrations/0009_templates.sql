-- Letter templates per office and the office letterhead printed on drafts rendered from them.
-- Built-in templates live in code (src/modules/templates/default-templates.ts); a row here with the
-- same code overrides the built-in one for its office (or hides it, when inactive).

create table letter_templates (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('letter', 'decision', 'order', 'certificate', 'delay_notice', 'note')),
  -- Plain text with {{placeholders}}; blank lines separate paragraphs, "# " starts a heading.
  body text not null check (length(body) between 1 and 50000),
  active boolean not null default true,
  created_by uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (office_id, code),
  unique (office_id, id),
  foreign key (office_id, created_by) references users(office_id, id)
);

-- The place in "Miejscowość, dnia …" and the address under the office name.
create table letterheads (
  office_id uuid primary key references offices(id),
  town text not null check (length(town) between 1 and 120),
  address text check (length(address) <= 300),
  updated_by uuid not null,
  updated_at timestamptz not null,
  foreign key (office_id, updated_by) references users(office_id, id)
);
