import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Section } from '../../ui/Page.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { changeHandler, closeCase, openSubCase, type Case } from './cases.api.ts';

/** Case-level actions, shown only when the API lists them in `allowedActions`. */
export function CaseActions(props: { kase: Case }) {
  const { t } = useTranslation();
  const org = useOrgNames();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const kase = props.kase;
  const allowed = new Set(kase.allowedActions);
  const open = kase.status === 'open';
  const [handlerId, setHandlerId] = useState(kase.handlerId);
  const [subTitle, setSubTitle] = useState('');
  const [subError, setSubError] = useState<string>();
  const [confirmClose, setConfirmClose] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await action();
      await refresh(message);
    } catch (e) {
      setError(e);
    }
  };

  const canChangeHandler = open && allowed.has('changeHandler');
  const canSubCase = open && allowed.has('open');
  const canClose = open && allowed.has('work');
  if (!canChangeHandler && !canSubCase && !canClose) return null;

  return (
    <Section title={t('cases.actions')} id="case-actions">
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert error={error} />
      {canChangeHandler ? (
        <details className="action-box">
          <summary>{t('cases.changeHandler')}</summary>
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void run(() => changeHandler(kase.id, handlerId), t('cases.handlerChanged'));
            }}
          >
            <SelectField
              label={t('cases.handler')}
              value={handlerId}
              onChange={setHandlerId}
              options={org.people
                .filter((p) => p.kind === 'person' && p.unitId === kase.unitId)
                .map((p) => ({ value: p.id, label: `${p.name}${p.post ? ` – ${p.post}` : ''}` }))}
            />
            <button type="submit">{t('common.save')}</button>
          </form>
        </details>
      ) : null}
      {canSubCase ? (
        <details className="action-box">
          <summary>{t('cases.subCase')}</summary>
          <form
            noValidate
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (!subTitle.trim()) return setSubError(t('validation.required'));
              setSubError(undefined);
              setError(null);
              openSubCase(kase.id, subTitle.trim()).then(async (created) => {
                await queryClient.invalidateQueries({ queryKey: ['cases'] });
                navigate(`/cases/${created.id}`, { state: { opened: created.sign } });
              }, setError);
            }}
          >
            <TextField
              label={t('cases.subCaseTitle')}
              value={subTitle}
              onChange={setSubTitle}
              required
              error={subError}
            />
            <button type="submit">{t('cases.subCaseSubmit')}</button>
          </form>
        </details>
      ) : null}
      {canClose ? (
        <div className="action-box">
          {confirmClose ? (
            <div role="group" aria-label={t('cases.close')}>
              <p>{t('cases.closeConfirm', { sign: kase.sign })}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    setConfirmClose(false);
                    void run(() => closeCase(kase.id), t('cases.closed'));
                  }}
                >
                  {t('cases.closeYes')}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirmClose(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirmClose(true)}>
              {t('cases.close')}
            </button>
          )}
        </div>
      ) : null}
    </Section>
  );
}
