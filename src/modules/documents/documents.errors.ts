import { defineErrors } from '../../platform/errors.ts';

export const documentErrors = defineErrors('document', {
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Document not found.',
    pl: 'Nie znaleziono dokumentu.',
  },
  notDraft: {
    code: 'not_draft',
    status: 409,
    en: 'Only a draft gets new versions; this document is already in approval, approved or signed.',
    pl: 'Nowe wersje dodaje się tylko do projektu; ten dokument jest w akceptacji, zaakceptowany lub podpisany.',
  },
  corrupted: {
    code: 'corrupted',
    status: 500,
    en: 'The stored file does not match its recorded checksum; the administrator has been alerted.',
    pl: 'Zapisany plik nie zgadza się z sumą kontrolną; administrator został powiadomiony.',
  },
  versionNotFound: {
    code: 'version_not_found',
    status: 404,
    en: 'No such version of the document.',
    pl: 'Brak takiej wersji dokumentu.',
  },
  wrongState: {
    code: 'wrong_state',
    status: 409,
    en: 'The document is not in a state that allows this step.',
    pl: 'Dokument nie jest w stanie, który pozwala na tę czynność.',
  },
});
