import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';
import { uploadForm, type UploadProgress } from '../../api/transfer.ts';

export type IncomingItem = Schemas['IncomingItem'];
export type RegisterIncoming = Schemas['RegisterIncoming'];
export type Channel = IncomingItem['channel'];
export const CHANNELS: readonly Channel[] = ['paper', 'epuap', 'edoreczenia', 'email', 'portal'];
export const ACCESS_LEVELS: readonly IncomingItem['access'][] = [
  'public',
  'partly_public',
  'non_public',
];

export const incomingKeys = {
  all: ['incoming'] as const,
  list: (year: number, offset: number) => ['incoming', 'list', year, offset] as const,
  one: (id: string) => ['incoming', id] as const,
};

export const PAGE_SIZE = 50;

export function useIncomingList(year: number, offset = 0) {
  return useQuery({
    queryKey: incomingKeys.list(year, offset),
    queryFn: () =>
      call(api.GET('/api/v1/incoming', { params: { query: { year, limit: PAGE_SIZE, offset } } })),
  });
}

export function useIncoming(id: string) {
  return useQuery({
    queryKey: incomingKeys.one(id),
    queryFn: () => call(api.GET('/api/v1/incoming/{id}', { params: { path: { id } } })),
  });
}

export function registerIncoming(body: RegisterIncoming) {
  return call(api.POST('/api/v1/incoming', { body }));
}

export interface AttachedFile {
  fileId: string;
  sha256: string;
  contentType: string;
  sizeBytes: number;
}

export function attachFile(
  incomingId: string,
  file: File,
  onProgress?: (progress: UploadProgress) => void,
) {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<AttachedFile>(
    `/api/v1/incoming/${encodeURIComponent(incomingId)}/attachments`,
    form,
    onProgress,
  );
}

/** The stored bytes of a letter's file (scan, attachment); needs the sign-in token. */
export const incomingFileUrl = (incomingId: string, fileId: string) =>
  `/api/v1/incoming/${encodeURIComponent(incomingId)}/files/${encodeURIComponent(fileId)}/content`;
