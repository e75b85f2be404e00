import type { TFunction } from 'i18next';
import { localInputToIso, nowForInput } from '../../ui/format.ts';
import type { Channel, IncomingItem, RegisterIncoming } from './incoming.api.ts';

/** The registration form's state: every field a string, as typed. */
export interface IncomingForm {
  channel: Channel;
  receivedAt: string;
  title: string;
  kind: string;
  senderName: string;
  street: string;
  postalCode: string;
  town: string;
  country: string;
  letterDate: string;
  sentDate: string;
  senderReference: string;
  attachmentsCount: string;
  deliveryMethod: string;
  access: IncomingItem['access'];
  remarks: string;
}

export const emptyIncomingForm = (): IncomingForm => ({
  channel: 'paper',
  receivedAt: nowForInput(),
  title: '',
  kind: '',
  senderName: '',
  street: '',
  postalCode: '',
  town: '',
  country: 'Polska',
  letterDate: '',
  sentDate: '',
  senderReference: '',
  attachmentsCount: '',
  deliveryMethod: '',
  access: 'public',
  remarks: '',
});

export type IncomingFormErrors = Partial<Record<keyof IncomingForm, string>>;

// Mirrors the server's zod schema (src/modules/incoming/incoming.schemas.ts).
const NO_DATA = 'brak danych';
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const POSTAL_CODE = /^\d{2}-\d{3}$/;
const MAX: Partial<Record<keyof IncomingForm, number>> = {
  title: 500,
  senderName: 300,
  street: 200,
  town: 120,
  country: 80,
  kind: 100,
  senderReference: 200,
  deliveryMethod: 100,
  remarks: 2000,
};

export function validateIncoming(form: IncomingForm, t: TFunction, now = new Date()) {
  const errors: IncomingFormErrors = {};
  for (const field of ['title', 'senderName', 'town', 'country'] as const) {
    if (!form[field].trim()) errors[field] = t('validation.required');
  }
  for (const [field, max] of Object.entries(MAX) as [keyof IncomingForm, number][]) {
    if (!errors[field] && form[field].trim().length > max) {
      errors[field] = t('validation.tooLong', { max });
    }
  }
  if (form.postalCode.trim() && !POSTAL_CODE.test(form.postalCode.trim())) {
    errors.postalCode = t('validation.postalCode');
  }
  for (const field of ['letterDate', 'sentDate'] as const) {
    const value = form[field].trim();
    if (value && value !== NO_DATA && !PARTIAL_DATE.test(value)) {
      errors[field] = t('validation.partialDate');
    }
  }
  if (!form.receivedAt) errors.receivedAt = t('validation.required');
  else if (Number.isNaN(new Date(form.receivedAt).getTime()))
    errors.receivedAt = t('validation.date');
  else if (new Date(form.receivedAt).getTime() > now.getTime() + 60_000) {
    errors.receivedAt = t('validation.notInFuture');
  }
  if (form.attachmentsCount.trim()) {
    const count = Number(form.attachmentsCount);
    if (!Number.isInteger(count) || count < 0 || count > 10000) {
      errors.attachmentsCount = t('validation.count');
    }
  }
  return errors;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function toRegisterIncoming(form: IncomingForm): RegisterIncoming {
  return {
    title: form.title.trim(),
    sender: {
      name: form.senderName.trim(),
      address: {
        street: optional(form.street),
        postalCode: optional(form.postalCode),
        town: form.town.trim(),
        country: form.country.trim(),
      },
    },
    letterDate: optional(form.letterDate),
    sentDate: optional(form.sentDate),
    receivedAt: localInputToIso(form.receivedAt),
    channel: form.channel,
    access: form.access,
    type: 'Text',
    kind: optional(form.kind),
    attachmentsCount: form.attachmentsCount.trim() ? Number(form.attachmentsCount) : undefined,
    senderReference: optional(form.senderReference),
    deliveryMethod: optional(form.deliveryMethod),
    remarks: optional(form.remarks),
  };
}
