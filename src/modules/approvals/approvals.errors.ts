import { defineErrors } from '../../platform/errors.ts';

export const approvalErrors = defineErrors('approval', {
  noPath: {
    code: 'no_path',
    status: 422,
    en: 'No approval path applies to this document; give the steps or configure a path.',
    pl: 'Dla tego dokumentu nie skonfigurowano ścieżki akceptacji; podaj kroki albo skonfiguruj ścieżkę.',
  },
  notDraft: {
    code: 'not_draft',
    status: 409,
    en: 'Only a draft is sent for approval.',
    pl: 'Do akceptacji przekazuje się tylko projekt.',
  },
  taskNotFound: {
    code: 'task_not_found',
    status: 404,
    en: 'Approval task not found.',
    pl: 'Nie znaleziono zadania akceptacji.',
  },
  notYourTurn: {
    code: 'not_your_turn',
    status: 403,
    en: 'Only the person at the current step (or their substitute) may decide.',
    pl: 'Decyzję podejmuje tylko osoba z bieżącego kroku (lub jej zastępca).',
  },
  commentRequired: {
    code: 'comment_required',
    status: 400,
    en: 'Returning a draft needs a comment saying what to change.',
    pl: 'Zwrot projektu wymaga komentarza, co poprawić.',
  },
  forwardTargetRequired: {
    code: 'forward_target_required',
    status: 400,
    en: 'Forwarding needs the person to forward to.',
    pl: 'Przekazanie wymaga wskazania osoby.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'Only the administrator configures approval paths.',
    pl: 'Ścieżki akceptacji konfiguruje administrator.',
  },
  invalidSteps: {
    code: 'invalid_steps',
    status: 400,
    en: 'Each step needs at least one approver from this office.',
    pl: 'Każdy krok wymaga co najmniej jednej osoby z tego urzędu.',
  },
});
