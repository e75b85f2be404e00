import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { DOCUMENT_KINDS, type DocumentKind } from '../documents/documents.api.ts';
import { useOrgNames } from '../org/org.api.ts';
import {
  approvalKeys,
  createApprovalPath,
  useApprovalPaths,
  type ApprovalStep,
} from './approvals.api.ts';
import { StepsEditor } from './StepsEditor.tsx';

/** Predefined approval paths, chosen by unit, JRWA class and document kind. */
export function ApprovalPathsAdmin() {
  const { t } = useTranslation();
  const org = useOrgNames();
  const paths = useApprovalPaths();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const [jrwaSymbol, setJrwaSymbol] = useState('');
  const [documentKind, setDocumentKind] = useState('');
  const [steps, setSteps] = useState<ApprovalStep[]>([{ kind: 'approve', approverIds: [] }]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : t('validation.required'),
      steps: steps.some((s) => s.approverIds.length === 0)
        ? t('approvals.chooseApprovers')
        : undefined,
      jrwa: jrwaSymbol && !/^\d{1,6}$/.test(jrwaSymbol) ? t('validation.jrwaSymbol') : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setError(null);
    try {
      await createApprovalPath({
        name: name.trim(),
        unitId: unitId || undefined,
        jrwaSymbol: jrwaSymbol || undefined,
        documentKind: (documentKind || undefined) as DocumentKind | undefined,
        steps,
      });
      setNotice(t('approvals.pathCreated', { name: name.trim() }));
      setName('');
      await queryClient.invalidateQueries({ queryKey: approvalKeys.paths });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <Section title={t('admin.tab.approval-paths')} id="paths">
        <QueryView query={paths}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="empty">{t('approvals.noPaths')}</p>
            ) : (
              <ul className="plain-list">
                {rows.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>
                    <span className="muted small">
                      {' '}
                      · {p.unitId ? org.unitSymbol(p.unitId) : t('common.all')} ·{' '}
                      {p.jrwaSymbol ?? t('common.all')} ·{' '}
                      {p.documentKind
                        ? t(`documents.kind.${p.documentKind as 'letter'}`)
                        : t('common.all')}
                    </span>
                    <ol>
                      {p.steps.map((s, i) => (
                        <li key={i}>
                          {t(`approvals.kind.${s.kind}`)}:{' '}
                          {s.approverIds.map((id) => org.personName(id)).join(', ')}
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </Section>
      <Section title={t('approvals.addPath')} id="add-path">
        {notice ? <Notice>{notice}</Notice> : null}
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={error} />
          <div className="grid-2">
            <TextField
              label={t('approvals.pathName')}
              value={name}
              onChange={setName}
              required
              error={errors.name}
            />
            <SelectField
              label={t('cases.unit')}
              value={unitId}
              onChange={setUnitId}
              placeholder={t('common.all')}
              options={org.units.map((u) => ({ value: u.id, label: `${u.symbol} – ${u.name}` }))}
            />
            <TextField
              label={t('cases.jrwaClass')}
              value={jrwaSymbol}
              onChange={setJrwaSymbol}
              error={errors.jrwa}
              inputMode="numeric"
            />
            <SelectField
              label={t('documents.kindLabel')}
              value={documentKind}
              onChange={setDocumentKind}
              placeholder={t('common.all')}
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
            />
          </div>
          <StepsEditor steps={steps} onChange={setSteps} error={errors.steps} />
          <button type="submit">{t('approvals.addPath')}</button>
        </form>
      </Section>
    </>
  );
}
