import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type LetterReading = Schemas['LetterReading'];
export type ReadFile = LetterReading['files'][number];
export type Proposal = LetterReading['proposals'][number];

export type QuarantinedPage = Schemas['OcrQuarantinedPage'];

export const ocrKeys = {
  reading: (incomingId: string) => ['ocr', 'reading', incomingId] as const,
  quarantine: ['ocr', 'quarantine'] as const,
};

export function useQuarantine(enabled: boolean) {
  return useQuery({
    queryKey: ocrKeys.quarantine,
    queryFn: () => call(api.GET('/api/v1/ocr/quarantine')),
    enabled,
  });
}

/** OCR runs in the background: while a file is queued or running the screen asks again. */
export function useLetterReading(incomingId: string) {
  return useQuery({
    queryKey: ocrKeys.reading(incomingId),
    queryFn: () =>
      call(api.GET('/api/v1/incoming/{id}/reading', { params: { path: { id: incomingId } } })),
    refetchInterval: (query) =>
      query.state.data?.files.some((f) => f.status === 'queued' || f.status === 'running')
        ? 5_000
        : false,
  });
}

export const rerunOcr = (incomingId: string, fileId: string) =>
  call(
    api.POST('/api/v1/incoming/{id}/reading/files/{fileId}/rerun', {
      params: { path: { id: incomingId, fileId } },
    }),
  );

export const acceptProposal = (incomingId: string, proposalId: string) =>
  call(
    api.POST('/api/v1/incoming/{id}/proposals/{proposalId}/accept', {
      params: { path: { id: incomingId, proposalId } },
    }),
  );

export const dismissProposal = (incomingId: string, proposalId: string) =>
  call(
    api.POST('/api/v1/incoming/{id}/proposals/{proposalId}/dismiss', {
      params: { path: { id: incomingId, proposalId } },
    }),
  );

export const searchablePdfUrl = (incomingId: string, fileId: string) =>
  `/api/v1/incoming/${encodeURIComponent(incomingId)}/reading/files/${encodeURIComponent(fileId)}/searchable-pdf`;
