import { defineErrors } from '../../platform/errors.ts';

export const channelErrors = defineErrors('channel', {
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'Only the registry office (kancelaria) and administrators manage the channel queues.',
    pl: 'Kolejkami kanałów zarządzają tylko kancelaria i administratorzy.',
  },
  mailboxForbidden: {
    code: 'mailbox_forbidden',
    status: 403,
    en: 'Only an administrator configures the office mailboxes.',
    pl: 'Skrzynki urzędu konfiguruje tylko administrator.',
  },
  mailboxTaken: {
    code: 'mailbox_taken',
    status: 409,
    en: 'This mailbox address is already configured.',
    pl: 'Skrzynka o tym adresie jest już skonfigurowana.',
  },
  mailboxNotFound: {
    code: 'mailbox_not_found',
    status: 404,
    en: 'Mailbox not found.',
    pl: 'Nie znaleziono skrzynki.',
  },
  messageNotFound: {
    code: 'message_not_found',
    status: 404,
    en: 'Channel message not found.',
    pl: 'Nie znaleziono wiadomości z kanału.',
  },
  notDeadLetter: {
    code: 'not_dead_letter',
    status: 409,
    en: 'Only a dead letter can be retried.',
    pl: 'Ponowić można tylko wiadomość z listy nieobsłużonych.',
  },
  malformedMessage: {
    code: 'malformed_message',
    status: 422,
    en: 'The message could not be read.',
    pl: 'Nie można odczytać wiadomości.',
  },
  unsupportedForm: {
    code: 'unsupported_form',
    status: 422,
    en: 'The document is not an ePUAP general letter (form http://crd.gov.pl/wzor/2013/12/12/1410/).',
    pl: 'Dokument nie jest pismem ogólnym ePUAP (wzór http://crd.gov.pl/wzor/2013/12/12/1410/).',
  },
  malformedProof: {
    code: 'malformed_proof',
    status: 422,
    en: 'The delivery proof (UPP/UPD, evidence) could not be read.',
    pl: 'Nie można odczytać poświadczenia (UPP/UPD, dowodu).',
  },
  receivedTimeUnknown: {
    code: 'received_time_unknown',
    status: 400,
    en: 'The received time comes from the proof of submission: give the UPP file or the received time.',
    pl: 'Datę wpływu wyznacza poświadczenie: podaj plik UPP albo datę wpływu.',
  },
  channelOff: {
    code: 'channel_off',
    status: 409,
    en: 'The national service of this channel is not configured (OBIEG_EPUAP_URL / OBIEG_EDORECZENIA_URL).',
    pl: 'Nie skonfigurowano usługi krajowej tego kanału (OBIEG_EPUAP_URL / OBIEG_EDORECZENIA_URL).',
  },
});
