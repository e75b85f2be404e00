import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type LetterTemplate = Schemas['LetterTemplate'];

export const templateKeys = {
  all: ['templates'] as const,
  letterhead: ['templates', 'letterhead'] as const,
};

export function useTemplates() {
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: () => call(api.GET('/api/v1/templates')),
    staleTime: 60_000,
  });
}

export function useLetterhead() {
  return useQuery({
    queryKey: templateKeys.letterhead,
    queryFn: () => call(api.GET('/api/v1/templates/letterhead')),
  });
}

export const draftFromTemplate = (caseId: string, body: Schemas['DraftFromTemplate']) =>
  call(
    api.POST('/api/v1/cases/{id}/documents/from-template', {
      params: { path: { id: caseId } },
      body,
    }),
  );

export const saveTemplate = (body: Schemas['SaveLetterTemplate']) =>
  call(api.POST('/api/v1/templates', { body }));

export const saveLetterhead = (body: Schemas['Letterhead']) =>
  call(api.PUT('/api/v1/templates/letterhead', { body }));

/** Renders a template for a case as a PDF without saving anything. */
export async function previewTemplate(body: Schemas['PreviewTemplate']): Promise<Blob> {
  const result = await api.POST('/api/v1/templates/preview', { body, parseAs: 'blob' });
  return call(Promise.resolve(result)) as Promise<Blob>;
}
