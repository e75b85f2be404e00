import type { DB } from './schema.ts';

/**
 * Every column of every table, checked by the compiler against `DB` (a missing or extra key fails
 * `tsc`) and by `schema.db.test.ts` against the migrated database. Together they catch drift.
 */
export const schemaColumns: { [T in keyof DB]: Record<keyof DB[T], true> } = {
  offices: { id: true, code: true, name: true, created_at: true },
  units: { id: true, office_id: true, symbol: true, name: true, parent_id: true, is_subordinate_entity: true, created_at: true },
  positions: { id: true, office_id: true, unit_id: true, name: true },
  users: { id: true, office_id: true, login: true, name: true, kind: true, password_hash: true, unit_id: true, position_id: true, email: true, active: true, created_at: true },
  role_grants: { id: true, office_id: true, user_id: true, role: true, scope: true, unit_id: true },
  substitutions: { id: true, office_id: true, absent_user_id: true, substitute_user_id: true, starts_on: true, ends_on: true, created_at: true, created_by: true },
  sessions: { id: true, office_id: true, user_id: true, token_hash: true, kind: true, name: true, created_at: true, expires_at: true, revoked_at: true },
  login_attempts: { id: true, login: true, at: true, succeeded: true },
  counters: { office_id: true, name: true, scope: true, year: true, value: true },
  files: { id: true, office_id: true, sha256: true, size_bytes: true, content_type: true, original_name: true, created_at: true, created_by: true },
  idempotency_keys: { user_id: true, key: true, request_hash: true, status_code: true, response: true, created_at: true },
  jrwa_versions: { id: true, office_id: true, name: true, adopted_on: true, source_format: true, imported_at: true, imported_by: true },
  jrwa_classes: { id: true, office_id: true, version_id: true, symbol: true, title: true, category: true, category_elsewhere: true, remarks: true, is_final: true, line_no: true },
  jrwa_import_defects: { id: true, office_id: true, version_id: true, line_no: true, symbol: true, code: true, message: true, message_pl: true },
  incoming_items: { id: true, office_id: true, rpw_year: true, rpw_number: true, rpw_sign: true, title: true, sender_name: true, sender_address: true, letter_date: true, sent_date: true, received_at: true, registered_at: true, registered_by: true, channel: true, access: true, dcmi_type: true, kind: true, attachments_count: true, sender_reference: true, delivery_method: true, remarks: true, case_id: true },
  incoming_files: { office_id: true, incoming_id: true, file_id: true, added_at: true, added_by: true },
  assignments: { id: true, ordinal: true, office_id: true, incoming_id: true, unit_id: true, user_id: true, method: true, deadline: true, status: true, assigned_by: true, assigned_at: true, parent_id: true, resolved_by: true, resolved_at: true, comment: true },
  cases: { id: true, office_id: true, sign: true, unit_id: true, jrwa_version_id: true, jrwa_symbol: true, number: true, year: true, sub_number: true, parent_case_id: true, title: true, status: true, handler_id: true, opened_at: true, opened_by: true, closed_at: true, initiating_incoming_id: true, remarks: true, record_seq: true, record_head: true },
  case_record_rows: { id: true, office_id: true, case_id: true, seq: true, at: true, actor_id: true, actor_name: true, actor_post: true, action: true, description: true, document_id: true, prev_hash: true, hash: true },
  audit_events: { id: true, office_id: true, at: true, actor_id: true, action: true, subject_type: true, subject_id: true, case_id: true, payload: true },
};
