import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types for Kysely, kept by hand beside the SQL migrations in src/migrations.
 * `schema.db.test.ts` fails when a column here and in the migrated database disagree.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type RoleName =
  | 'kancelaria'
  | 'sekretariat'
  | 'kierownik'
  | 'prowadzacy'
  | 'sekretarz'
  | 'archiwista'
  | 'administrator'
  | 'system';
export type Scope = 'desk' | 'unit' | 'subordinate' | 'office';
export type Channel = 'paper' | 'epuap' | 'edoreczenia' | 'email' | 'portal';
export type Access = 'public' | 'partly_public' | 'non_public';
export type AssignmentStatus = 'pending' | 'accepted' | 'returned' | 'forwarded';

export interface PostalAddress {
  street?: string | undefined;
  postalCode?: string | undefined;
  town: string;
  country: string;
}

export interface OfficesTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: Generated<Date>;
  /** Bumped by triggers whenever users, grants, substitutions, units or posts change (0016). */
  actor_version: Generated<number>;
}

export interface UnitsTable {
  id: Generated<string>;
  office_id: string;
  symbol: string;
  name: string;
  parent_id: string | null;
  is_subordinate_entity: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PositionsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  name: string;
}

export interface UsersTable {
  id: Generated<string>;
  office_id: string;
  login: string;
  name: string;
  kind: Generated<'person' | 'system'>;
  password_hash: string | null;
  unit_id: string;
  position_id: string | null;
  email: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  office_id: string;
  user_id: string;
  role: RoleName;
  scope: Scope;
  unit_id: string;
}

export interface SubstitutionsTable {
  id: Generated<string>;
  office_id: string;
  absent_user_id: string;
  substitute_user_id: string;
  starts_on: string;
  ends_on: string;
  created_at: Generated<Date>;
  created_by: string;
}

export interface SessionsTable {
  id: Generated<string>;
  office_id: string;
  user_id: string;
  token_hash: string;
  kind: 'session' | 'api';
  name: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  login: string;
  at: Timestamp;
  succeeded: boolean;
  /** The client's address ('unknown' where none was known). */
  address: Generated<string>;
}

export interface CountersTable {
  office_id: string;
  name: string;
  scope: string;
  year: number;
  value: number;
}

export interface FilesTable {
  id: Generated<string>;
  office_id: string;
  sha256: string;
  size_bytes: number;
  content_type: string;
  original_name: string;
  created_at: Generated<Date>;
  created_by: string;
  /** Set when the content was destroyed in brakowanie; the row stays. */
  destroyed_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Generated<Date>;
}

export interface JrwaVersionsTable {
  id: Generated<string>;
  office_id: string;
  name: string;
  adopted_on: string;
  source_format: 'gmina-1999' | 'jrwa-2011';
  imported_at: Timestamp;
  imported_by: string;
}

export interface JrwaClassesTable {
  id: Generated<string>;
  office_id: string;
  version_id: string;
  symbol: string;
  title: string;
  category: string | null;
  category_elsewhere: string | null;
  remarks: string | null;
  is_final: boolean;
  line_no: number;
}

export interface JrwaHomeUnitsTable {
  office_id: string;
  unit_id: string;
  symbol: string;
  created_at: Timestamp;
  created_by: string;
}

export interface JrwaImportDefectsTable {
  id: Generated<string>;
  office_id: string;
  version_id: string;
  line_no: number;
  symbol: string | null;
  code: string;
  message: string;
  message_pl: string;
}

export interface IncomingItemsTable {
  id: Generated<string>;
  office_id: string;
  rpw_year: number;
  rpw_number: number;
  rpw_sign: string;
  title: string;
  sender_name: string;
  sender_address: Json<PostalAddress>;
  letter_date: string;
  sent_date: string | null;
  received_at: Timestamp;
  registered_at: Timestamp;
  registered_by: string;
  channel: Channel;
  access: Access;
  dcmi_type: Generated<string>;
  kind: string | null;
  attachments_count: number | null;
  sender_reference: string | null;
  delivery_method: string | null;
  remarks: string | null;
  case_id: string | null;
  access_code: string | null;
  /** Identifiers of the sender a person confirmed (kind → value), e.g. from an OCR proposal. */
  sender_identifiers: ColumnType<Record<string, string>, string | undefined, string>;
}

export interface IncomingFilesTable {
  office_id: string;
  incoming_id: string;
  file_id: string;
  added_at: Timestamp;
  added_by: string;
  /** Order of attaching, within one added_at too. */
  seq: Generated<string>;
}

export interface AssignmentsTable {
  id: Generated<string>;
  ordinal: ColumnType<number, never, never>;
  office_id: string;
  incoming_id: string;
  unit_id: string | null;
  user_id: string | null;
  method: string | null;
  deadline: string | null;
  status: Generated<AssignmentStatus>;
  assigned_by: string;
  assigned_at: Timestamp;
  parent_id: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  comment: string | null;
}

export interface CasesTable {
  id: Generated<string>;
  office_id: string;
  sign: string;
  unit_id: string;
  jrwa_version_id: string;
  jrwa_symbol: string;
  number: number;
  year: number;
  sub_number: number | null;
  parent_case_id: string | null;
  title: string;
  status: Generated<'open' | 'closed'>;
  handler_id: string;
  opened_at: Timestamp;
  opened_by: string;
  closed_at: Timestamp | null;
  initiating_incoming_id: string | null;
  remarks: string | null;
  deadline_term: string | null;
  deadline_kind: DeadlineKind | null;
  deadline_starts_on: string | null;
  deadline_due: string | null;
  closed_by: string | null;
  archival_category: string | null;
  disposal_from: string | null;
  /** Immediate deadlines (art. 35 § 2 KPA): no due date, only the day of a reminder. */
  deadline_remind_on: string | null;
  /** BE<n>: from this day the state archive reviews the records (not a disposal date). */
  expert_review_from: string | null;
}

export interface CasePartiesTable {
  id: Generated<string>;
  office_id: string;
  case_id: string;
  name: string;
  address: Json<PostalAddress> | null;
  electronic_address: string | null;
  incoming_id: string | null;
  added_at: Timestamp;
  added_by: string;
}

export type DeadlineKind = 'immediate' | 'one_month' | 'two_months' | 'appeal' | 'custom';
export type PauseReason = 'suspension' | 'completion' | 'statutory_wait' | 'party_delay' | 'other';

export interface CaseDeadlinePausesTable {
  id: Generated<string>;
  office_id: string;
  case_id: string;
  reason: PauseReason;
  description: string;
  starts_on: string;
  ends_on: string | null;
  created_by: string;
  created_at: Timestamp;
  /** Shared with extensions: the order in which pauses and extensions were recorded. */
  seq: Generated<number>;
}

export interface CaseDeadlineExtensionsTable {
  id: Generated<string>;
  office_id: string;
  case_id: string;
  previous_due: string | null;
  new_due: string;
  reason: string;
  notice_text: string;
  created_by: string;
  created_at: Timestamp;
  seq: Generated<number>;
  notice_document_id: string | null;
}

export type DocumentKind =
  'letter' | 'decision' | 'order' | 'certificate' | 'delay_notice' | 'note' | 'attachment';
export type DocumentStatus =
  'draft' | 'in_approval' | 'approved' | 'signed' | 'dispatched' | 'cancelled';

export interface DocumentsTable {
  id: Generated<string>;
  office_id: string;
  case_id: string;
  kind: DocumentKind;
  title: string;
  status: Generated<DocumentStatus>;
  access: Generated<Access>;
  template_id: string | null;
  current_version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface DocumentVersionsTable {
  id: Generated<string>;
  office_id: string;
  document_id: string;
  version: number;
  file_id: string;
  sha256: string;
  author_id: string;
  created_at: Timestamp;
  note: string | null;
}

export interface ApprovalStep {
  kind: 'approve' | 'opinion';
  approverIds: string[];
}

export interface ApprovalPathsTable {
  id: Generated<string>;
  office_id: string;
  name: string;
  unit_id: string | null;
  jrwa_symbol: string | null;
  document_kind: DocumentKind | null;
  steps: Json<ApprovalStep[]>;
  created_by: string;
  created_at: Timestamp;
}

export interface ApprovalRoundsTable {
  id: Generated<string>;
  office_id: string;
  document_id: string;
  version: number;
  path_id: string | null;
  status: Generated<'pending' | 'approved' | 'returned'>;
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export type ApprovalTaskStatus =
  'waiting' | 'current' | 'approved' | 'returned' | 'forwarded' | 'cancelled';

export interface ApprovalTasksTable {
  id: Generated<string>;
  office_id: string;
  round_id: string;
  step_no: number;
  kind: 'approve' | 'opinion';
  approver_id: string;
  status: ApprovalTaskStatus;
  decided_by: string | null;
  decided_at: Timestamp | null;
  comment: string | null;
  ordinal: ColumnType<number, never, never>;
}

export type DispatchMethod =
  'post' | 'post_return_receipt' | 'edoreczenia' | 'epuap' | 'personal' | 'portal';
export type DeliveryKind =
  'receipt' | 'electronic_proof' | 'personal' | 'fiction' | 'postal_fiction' | 'arrival';
export type AddresseeKind = 'person' | 'business' | 'public_entity';

export interface OutgoingItemsTable {
  id: Generated<string>;
  office_id: string;
  rkw_year: number;
  rkw_number: number;
  rkw_sign: string;
  case_id: string;
  document_id: string | null;
  addressee_name: string;
  addressee_address: Json<PostalAddress> | null;
  electronic_address: string | null;
  method: DispatchMethod;
  postal_class: 'economy' | 'priority' | null;
  cost_grosz: number | null;
  status: Generated<'registered' | 'sent' | 'delivered' | 'returned'>;
  registered_at: Timestamp;
  registered_by: string;
  sent_at: Timestamp | null;
  delivered_on: string | null;
  delivery_kind: DeliveryKind | null;
  proof_file_id: string | null;
  appeal_term: string | null;
  appeal_due: string | null;
  addressee_kind: Generated<AddresseeKind>;
  arrived_on: string | null;
  arrival_proof_file_id: string | null;
  first_notice_on: string | null;
  not_collected_at: Timestamp | null;
}

export interface DecisionsTable {
  id: Generated<string>;
  office_id: string;
  year: number;
  number: number;
  sign: string;
  kind: 'decision' | 'order' | 'certificate';
  case_id: string;
  document_id: string;
  issued_at: Timestamp;
  issued_by: string;
}

export interface CaseRecordRowsTable {
  id: Generated<string>;
  office_id: string;
  case_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string;
  actor_name: string;
  actor_post: string;
  action: string;
  description: string;
  document_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The last row of each case's record chain (platform/record). */
export interface CaseRecordHeadsTable {
  case_id: string;
  office_id: string;
  record_seq: number;
  record_head: string;
}

export interface AuditEventsTable {
  id: Generated<string>;
  office_id: string;
  at: Timestamp;
  actor_id: string;
  action: string;
  subject_type: string;
  subject_id: string;
  case_id: string | null;
  payload: Json<Record<string, unknown>>;
  seq: ColumnType<number, never, never>;
  description: string | null;
  /** xid8 of the writing transaction, as text. */
  tx: ColumnType<string, never, never>;
  /** Who acted and the post they held at that moment (for the case record). */
  actor_name: string | null;
  actor_post: string | null;
}

export interface OutboxCursorsTable {
  name: string;
  last_seq: number;
  last_tx: Generated<string>;
}

export interface NotificationsTable {
  id: Generated<string>;
  office_id: string;
  user_id: string;
  kind: string;
  message_pl: string;
  message: string;
  case_id: string | null;
  link: string | null;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
}

export type TemplateKind = Exclude<DocumentKind, 'attachment'>;

export interface LetterTemplatesTable {
  id: Generated<string>;
  office_id: string;
  code: string;
  name: string;
  kind: TemplateKind;
  body: string;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LetterheadsTable {
  office_id: string;
  town: string;
  address: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface SigningCredentialsTable {
  id: Generated<string>;
  office_id: string;
  kind: 'personal' | 'office_seal';
  user_id: string | null;
  label: string;
  /** PKCS#12, still encrypted by its password (never stored). */
  pkcs12: Uint8Array;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: Timestamp;
  not_after: Timestamp;
  certificate_sha256: string;
  created_by: string;
  created_at: Timestamp;
}

export interface DocumentSignaturesTable {
  id: Generated<string>;
  office_id: string;
  document_id: string;
  version: number;
  format: 'xades-bes' | 'pades';
  file_id: string;
  signer_subject: string;
  signer_serial: string;
  signing_time: Timestamp;
  credential_id: string;
  signed_by: string;
}

export interface SignatureTrustAnchorsTable {
  id: Generated<string>;
  office_id: string;
  certificate: Uint8Array;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: Timestamp;
  not_after: Timestamp;
  sha256: string;
  created_by: string;
  created_at: Timestamp;
}

export interface SearchEntriesTable {
  office_id: string;
  subject_type: 'case' | 'incoming' | 'document';
  subject_id: string;
  case_id: string | null;
  unit_id: string | null;
  owner_id: string | null;
  title: string;
  reference: string | null;
  body: Generated<string>;
  folded: ColumnType<string, never, never>;
  updated_at: Timestamp;
}

export interface PortalCitizensTable {
  id: Generated<string>;
  office_id: string;
  pesel: string;
  name: string;
  created_at: Timestamp;
  last_login_at: Timestamp;
}

export interface PortalSessionsTable {
  token_hash: string;
  office_id: string;
  citizen_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PortalSamlRequestsTable {
  id: string;
  value: string;
  created_at: Timestamp;
}

export interface PortalSubmissionFile {
  role: 'application' | 'printout' | 'attachment';
  name: string;
  sha256: string;
  sizeBytes: number;
  contentType: string;
}

export interface PortalSubmissionsTable {
  id: Generated<string>;
  office_id: string;
  citizen_id: string;
  form_id: string;
  title: string;
  sender_name: string;
  sender_address: Json<PostalAddress>;
  fields: Json<Record<string, string>>;
  files: Json<PortalSubmissionFile[]>;
  document_sha256: string;
  received_at: Timestamp;
  status: Generated<'received' | 'registered'>;
  incoming_id: string | null;
  receipt_xml_file_id: string | null;
  receipt_pdf_file_id: string | null;
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  last_error: string | null;
}

export interface PortalLettersTable {
  outgoing_id: string;
  office_id: string;
  citizen_id: string;
  available_at: Timestamp;
  downloaded_at: Timestamp | null;
}

export interface PortalLookupAttemptsTable {
  id: ColumnType<string, never, never>;
  client_key: string;
  subject_key: string;
  at: Timestamp;
  succeeded: boolean;
}

export interface PortalSealsTable {
  office_id: string;
  pkcs12: Uint8Array;
  password: string;
  certificate_sha256: string;
  created_at: Timestamp;
}

export type ChannelName = 'epuap' | 'edoreczenia';

export interface ChannelMailboxesTable {
  id: Generated<string>;
  office_id: string;
  channel: ChannelName;
  address: string;
  name: string;
  gateway_user_id: string;
  active: Generated<boolean>;
  requests_per_second: number;
  cursor: string | null;
  failures: Generated<number>;
  next_poll_at: Timestamp;
  last_poll_at: Timestamp | null;
  caught_up_at: Timestamp | null;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ChannelMessagesTable {
  id: Generated<string>;
  office_id: string;
  channel: ChannelName;
  mailbox_id: string | null;
  external_id: string;
  state: 'listed' | 'fetched' | 'registered' | 'dead';
  listed_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  envelope_sha256: string | null;
  document_sha256: string | null;
  fetched_at: Timestamp | null;
  received_at: Timestamp | null;
  incoming_id: string | null;
  registered_at: Timestamp | null;
  signature_reports: Json<unknown> | null;
  dead_reason: string | null;
  dead_at: Timestamp | null;
}

export interface ChannelOutboundTable {
  outgoing_id: string;
  office_id: string;
  mailbox_id: string;
  state: 'queued' | 'sent' | 'delivered' | 'dead';
  external_id: string | null;
  queued_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  dead_reason: string | null;
  dead_at: Timestamp | null;
}

export type ArchiveTransferStatus = 'prepared' | 'submitted' | 'accepted' | 'returned';

/** Spis zdawczo-odbiorczy: one unit's cases of one JRWA class and year, handed to the archive. */
export interface ArchiveTransfersTable {
  id: Generated<string>;
  office_id: string;
  year: number;
  number: number;
  sign: string;
  unit_id: string;
  jrwa_symbol: string;
  case_year: number;
  status: Generated<ArchiveTransferStatus>;
  prepared_by: string;
  prepared_at: Timestamp;
  submitted_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  remarks: string | null;
}

export interface ArchiveTransferItemsTable {
  office_id: string;
  transfer_id: string;
  case_id: string;
  position: number;
}

export interface ArchiveHoldingsTable {
  case_id: string;
  office_id: string;
  transfer_id: string;
  accepted_at: Timestamp;
  accepted_by: string;
  shelf: string | null;
  box: string | null;
  archival_sign: string | null;
  legal_hold_reason: string | null;
  destroyed_at: Timestamp | null;
}

export type DisposalListStatus = 'draft' | 'submitted' | 'consented' | 'executed';

/** Spis dokumentacji niearchiwalnej: records due for disposal or for the state archive's review. */
export interface DisposalListsTable {
  id: Generated<string>;
  office_id: string;
  year: number;
  number: number;
  sign: string;
  status: Generated<DisposalListStatus>;
  prepared_by: string;
  prepared_at: Timestamp;
  submitted_at: Timestamp | null;
  consent_number: string | null;
  consent_date: string | null;
  consent_file_id: string | null;
  consent_recorded_at: Timestamp | null;
  executed_by: string | null;
  executed_at: Timestamp | null;
  protocol_file_id: string | null;
}

export interface DisposalListItemsTable {
  office_id: string;
  list_id: string;
  case_id: string;
  position: number;
  category: string;
  kind: 'disposal' | 'expert_review';
  commission_answer: 'destroy' | 'keep' | null;
  commission_remarks: string | null;
  outcome: 'destroyed' | 'kept' | null;
  outcome_reason: string | null;
}

export type ArchiveLoanStatus = 'requested' | 'approved' | 'rejected' | 'returned';

export interface ArchiveLoansTable {
  id: Generated<string>;
  office_id: string;
  case_id: string;
  kind: 'view' | 'loan';
  purpose: string;
  status: Generated<ArchiveLoanStatus>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  due_on: string | null;
  decision_remarks: string | null;
  returned_at: Timestamp | null;
}

export type OcrStatus = 'queued' | 'running' | 'done' | 'quarantined';
export type IdentifierProposalKind =
  'pesel' | 'nip' | 'regon' | 'krs' | 'iban' | 'edelivery' | 'email' | 'case_sign' | 'rpw';

export interface OcrFilesTable {
  id: Generated<string>;
  office_id: string;
  file_id: string;
  incoming_id: string | null;
  document_id: string | null;
  status: Generated<OcrStatus>;
  method: 'ocr' | 'text_layer' | 'text' | null;
  page_count: number | null;
  confidence: number | null;
  text: string | null;
  searchable_file_id: string | null;
  requested_by: string;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  run: Generated<number>;
}

export interface OcrPagesTable {
  ocr_file_id: string;
  page: number;
  source: 'ocr' | 'text_layer' | 'text';
  status: Generated<'pending' | 'done' | 'quarantined'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  confidence: number | null;
  text: string | null;
  pdf: Buffer | null;
  last_error: string | null;
}

export interface IdentifierProposalsTable {
  id: Generated<string>;
  office_id: string;
  incoming_id: string;
  kind: IdentifierProposalKind;
  value: string;
  raw: string;
  related_case_id: string | null;
  related_incoming_id: string | null;
  status: Generated<'proposed' | 'accepted' | 'dismissed'>;
  found_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface DB {
  offices: OfficesTable;
  units: UnitsTable;
  positions: PositionsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  substitutions: SubstitutionsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  counters: CountersTable;
  files: FilesTable;
  idempotency_keys: IdempotencyKeysTable;
  jrwa_versions: JrwaVersionsTable;
  jrwa_classes: JrwaClassesTable;
  jrwa_import_defects: JrwaImportDefectsTable;
  jrwa_home_units: JrwaHomeUnitsTable;
  incoming_items: IncomingItemsTable;
  incoming_files: IncomingFilesTable;
  assignments: AssignmentsTable;
  cases: CasesTable;
  case_deadline_pauses: CaseDeadlinePausesTable;
  case_deadline_extensions: CaseDeadlineExtensionsTable;
  case_parties: CasePartiesTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  approval_paths: ApprovalPathsTable;
  approval_rounds: ApprovalRoundsTable;
  approval_tasks: ApprovalTasksTable;
  outgoing_items: OutgoingItemsTable;
  decisions: DecisionsTable;
  case_record_rows: CaseRecordRowsTable;
  archive_transfers: ArchiveTransfersTable;
  archive_transfer_items: ArchiveTransferItemsTable;
  archive_holdings: ArchiveHoldingsTable;
  archive_loans: ArchiveLoansTable;
  disposal_lists: DisposalListsTable;
  disposal_list_items: DisposalListItemsTable;
  audit_events: AuditEventsTable;
  case_record_heads: CaseRecordHeadsTable;
  outbox_cursors: OutboxCursorsTable;
  notifications: NotificationsTable;
  search_entries: SearchEntriesTable;
  letter_templates: LetterTemplatesTable;
  letterheads: LetterheadsTable;
  signing_credentials: SigningCredentialsTable;
  document_signatures: DocumentSignaturesTable;
  signature_trust_anchors: SignatureTrustAnchorsTable;
  channel_mailboxes: ChannelMailboxesTable;
  channel_messages: ChannelMessagesTable;
  channel_outbound: ChannelOutboundTable;
  portal_citizens: PortalCitizensTable;
  portal_sessions: PortalSessionsTable;
  portal_saml_requests: PortalSamlRequestsTable;
  portal_submissions: PortalSubmissionsTable;
  portal_letters: PortalLettersTable;
  portal_lookup_attempts: PortalLookupAttemptsTable;
  portal_seals: PortalSealsTable;
  ocr_files: OcrFilesTable;
  ocr_pages: OcrPagesTable;
  identifier_proposals: IdentifierProposalsTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
