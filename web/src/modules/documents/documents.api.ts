import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';
import { uploadForm, type UploadProgress } from '../../api/transfer.ts';

export type CaseDocument = Schemas['Document'];
export type DocumentKind = CaseDocument['kind'];
export type AccessLevel = CaseDocument['access'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'letter',
  'decision',
  'order',
  'certificate',
  'delay_notice',
  'note',
  'attachment',
];

export const documentKeys = {
  forCase: (caseId: string) => ['cases', caseId, 'documents'] as const,
};

export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: documentKeys.forCase(caseId),
    queryFn: () =>
      call(api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: caseId } } })),
  });
}

export interface StoredVersion {
  id: string;
  version: number;
  sha256: string;
}

export function addDocument(
  caseId: string,
  input: { kind: DocumentKind; title: string; access: AccessLevel; file: File },
  onProgress?: (progress: UploadProgress) => void,
) {
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('title', input.title);
  form.append('access', input.access);
  form.append('file', input.file, input.file.name);
  return uploadForm<StoredVersion>(
    `/api/v1/cases/${encodeURIComponent(caseId)}/documents`,
    form,
    onProgress,
  );
}

export function addVersion(
  documentId: string,
  input: { file: File; note: string },
  onProgress?: (progress: UploadProgress) => void,
) {
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  if (input.note.trim()) form.append('note', input.note.trim());
  return uploadForm<StoredVersion>(
    `/api/v1/documents/${encodeURIComponent(documentId)}/versions`,
    form,
    onProgress,
  );
}

export const contentUrl = (documentId: string, version?: number) =>
  `/api/v1/documents/${encodeURIComponent(documentId)}/content${version ? `?version=${version}` : ''}`;

export const issueDecision = (documentId: string) =>
  call(api.POST('/api/v1/documents/{id}/issue', { params: { path: { id: documentId } } }));

/** Withdraws a draft that will not be issued; the reason goes to the case record. */
export const cancelDocument = (documentId: string, reason: string) =>
  call(
    api.POST('/api/v1/documents/{id}/cancel', {
      params: { path: { id: documentId } },
      body: { reason },
    }),
  );
