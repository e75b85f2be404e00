import { defineErrors } from '../../platform/errors.ts';

export const notificationErrors = defineErrors('notification', {
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Notification not found.',
    pl: 'Nie znaleziono powiadomienia.',
  },
});
