import { z } from '@hono/zod-openapi';
import { accessLevels } from '../incoming/incoming.schemas.ts';

export const documentKinds = [
  'letter',
  'decision',
  'order',
  'certificate',
  'delay_notice',
  'note',
  'attachment',
] as const;
export const documentStatuses = [
  'draft',
  'in_approval',
  'approved',
  'signed',
  'dispatched',
  'cancelled',
] as const;

export const documentMetadataSchema = z.object({
  kind: z.enum(documentKinds),
  title: z.string().trim().min(1).max(500),
  access: z.enum(accessLevels).default('public'),
});

export const documentVersionSchema = z.object({
  version: z.number(),
  fileId: z.uuid(),
  sha256: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  fileName: z.string(),
  author: z.string(),
  createdAt: z.string(),
  note: z.string().nullable(),
});

export const documentSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(documentKinds),
    title: z.string(),
    status: z.enum(documentStatuses),
    access: z.enum(accessLevels),
    templateId: z.string().nullable(),
    currentVersion: z.number(),
    createdAt: z.string(),
    versions: z.array(documentVersionSchema),
    allowedActions: z.array(z.string()).openapi({
      description:
        'add_version, send_for_approval, cancel, sign, dispatch, issue_decision – what my role allows in this state',
    }),
  })
  .openapi('Document');

export type DocumentMetadata = z.input<typeof documentMetadataSchema>;
