import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';
import { uploadForm, type UploadProgress } from '../../api/transfer.ts';

export type SigningCredential = Schemas['SigningCredential'];
export type DocumentSignature = Schemas['DocumentSignature'];
export type CredentialKind = SigningCredential['kind'];

export const signatureKeys = {
  credentials: ['signatures', 'credentials'] as const,
  anchors: ['signatures', 'anchors'] as const,
  forDocument: (documentId: string) => ['signatures', 'document', documentId] as const,
  mine: ['signatures', 'mine'] as const,
};

/** Approved documents waiting for my signature (my cases, or my final approval). */
export function useDocumentsToSign() {
  return useQuery({
    queryKey: signatureKeys.mine,
    queryFn: () => call(api.GET('/api/v1/signatures/mine')),
  });
}

export function useSigningCredentials() {
  return useQuery({
    queryKey: signatureKeys.credentials,
    queryFn: () => call(api.GET('/api/v1/signing-credentials')),
  });
}

export function useTrustAnchors() {
  return useQuery({
    queryKey: signatureKeys.anchors,
    queryFn: () => call(api.GET('/api/v1/signature-trust-anchors')),
  });
}

export function useDocumentSignatures(documentId: string) {
  return useQuery({
    queryKey: signatureKeys.forDocument(documentId),
    queryFn: () =>
      call(api.GET('/api/v1/documents/{id}/signatures', { params: { path: { id: documentId } } })),
  });
}

export const signDocument = (
  documentId: string,
  body: { credential: CredentialKind; password?: string },
) => call(api.POST('/api/v1/documents/{id}/sign', { params: { path: { id: documentId } }, body }));

/** Uploads a PKCS#12 file (.p12/.pfx) with its password; the password is not stored. */
export function uploadCredential(
  input: { file: File; password: string; kind: CredentialKind; label: string },
  onProgress?: (progress: UploadProgress) => void,
) {
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  form.append('password', input.password);
  form.append('kind', input.kind);
  if (input.label.trim()) form.append('label', input.label.trim());
  return uploadForm<SigningCredential>('/api/v1/signing-credentials', form, onProgress);
}

export function uploadTrustAnchor(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<Schemas['SignatureTrustAnchor']>('/api/v1/signature-trust-anchors', form);
}

export const signatureContentUrl = (documentId: string, signatureId: string) =>
  `/api/v1/documents/${encodeURIComponent(documentId)}/signatures/${encodeURIComponent(signatureId)}/content`;
