import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';
import { uploadForm } from '../../api/transfer.ts';

export type ArchiveTransfer = Schemas['ArchiveTransfer'];
export type ArchiveLoan = Schemas['ArchiveLoan'];
export type ArchiveHolding = Schemas['ArchiveHolding'];
export type DisposalList = Schemas['DisposalList'];
export type CommissionAnswer = Schemas['DisposalCommissionAnswers']['answers'][number];

export const archiveKeys = {
  all: ['archive'] as const,
  transfers: ['archive', 'transfers'] as const,
  transfer: (id: string) => ['archive', 'transfers', id] as const,
  loans: ['archive', 'loans'] as const,
  holdings: (query: HoldingsQuery) => ['archive', 'holdings', query] as const,
  disposals: ['archive', 'disposal'] as const,
  disposal: (id: string) => ['archive', 'disposal', id] as const,
};

export interface HoldingsQuery {
  q?: string;
  jrwaSymbol?: string;
  year?: number;
}

export const useTransfers = () =>
  useQuery({
    queryKey: archiveKeys.transfers,
    queryFn: () => call(api.GET('/api/v1/archive/transfers', { params: { query: {} } })),
  });

export const useTransfer = (id: string) =>
  useQuery({
    queryKey: archiveKeys.transfer(id),
    queryFn: () => call(api.GET('/api/v1/archive/transfers/{id}', { params: { path: { id } } })),
  });

export const prepareTransfer = (input: Schemas['PrepareArchiveTransfer']) =>
  call(api.POST('/api/v1/archive/transfers', { body: input }));

export const submitTransfer = (id: string) =>
  call(api.POST('/api/v1/archive/transfers/{id}/submit', { params: { path: { id } } }));

export const acceptTransfer = (id: string) =>
  call(
    api.POST('/api/v1/archive/transfers/{id}/accept', {
      params: { path: { id } },
      body: { locations: [] },
    }),
  );

export const returnTransfer = (id: string, remarks: string) =>
  call(
    api.POST('/api/v1/archive/transfers/{id}/return', {
      params: { path: { id } },
      body: { remarks },
    }),
  );

export const useHoldings = (query: HoldingsQuery, enabled: boolean) =>
  useQuery({
    queryKey: archiveKeys.holdings(query),
    enabled,
    queryFn: () => call(api.GET('/api/v1/archive/holdings', { params: { query } })),
  });

export const useLoans = () =>
  useQuery({
    queryKey: archiveKeys.loans,
    queryFn: () => call(api.GET('/api/v1/archive/loans', { params: { query: {} } })),
  });

export const requestAccess = (input: Schemas['RequestArchiveAccess']) =>
  call(api.POST('/api/v1/archive/loans', { body: input }));

export const decideAccess = (id: string, input: Schemas['DecideArchiveAccess']) =>
  call(api.POST('/api/v1/archive/loans/{id}/decision', { params: { path: { id } }, body: input }));

export const returnLoan = (id: string) =>
  call(api.POST('/api/v1/archive/loans/{id}/return', { params: { path: { id } } }));

export const useDisposalLists = () =>
  useQuery({
    queryKey: archiveKeys.disposals,
    queryFn: () => call(api.GET('/api/v1/archive/disposal-lists')),
  });

export const useDisposalList = (id: string) =>
  useQuery({
    queryKey: archiveKeys.disposal(id),
    queryFn: () =>
      call(api.GET('/api/v1/archive/disposal-lists/{id}', { params: { path: { id } } })),
  });

export const prepareDisposalList = (year: number) =>
  call(api.POST('/api/v1/archive/disposal-lists', { body: { year } }));

export const answerDisposalItems = (id: string, answers: CommissionAnswer[]) =>
  call(
    api.POST('/api/v1/archive/disposal-lists/{id}/answers', {
      params: { path: { id } },
      body: { answers },
    }),
  );

export const submitDisposalList = (id: string) =>
  call(api.POST('/api/v1/archive/disposal-lists/{id}/submit', { params: { path: { id } } }));

/** The state archive's consent: its number, date and the scanned letter. */
export function recordDisposalConsent(
  id: string,
  input: { number: string; date: string; file: File },
) {
  const form = new FormData();
  form.append('number', input.number);
  form.append('date', input.date);
  form.append('file', input.file, input.file.name);
  return uploadForm<DisposalList>(
    `/api/v1/archive/disposal-lists/${encodeURIComponent(id)}/consent`,
    form,
  );
}

export const executeDisposal = (id: string) =>
  call(api.POST('/api/v1/archive/disposal-lists/{id}/execute', { params: { path: { id } } }));
