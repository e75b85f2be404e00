import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { sendForApproval, useApprovalPaths, type ApprovalStep } from './approvals.api.ts';
import { StepsEditor } from './StepsEditor.tsx';

/** Sends a draft along a predefined approval path or along steps chosen here. */
export function SendForApprovalForm(props: { documentId: string; onSent: () => Promise<void> }) {
  const { t } = useTranslation();
  const paths = useApprovalPaths();
  const [pathId, setPathId] = useState('');
  const [steps, setSteps] = useState<ApprovalStep[]>([{ kind: 'approve', approverIds: [] }]);
  const [stepsError, setStepsError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!pathId && steps.some((s) => s.approverIds.length === 0)) {
      return setStepsError(t('approvals.chooseApprovers'));
    }
    setStepsError(undefined);
    setBusy(true);
    setError(null);
    try {
      await sendForApproval(props.documentId, pathId ? { pathId } : { steps });
      await props.onSent();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={t('approvals.sendForApproval')}>
      <ErrorAlert error={error} />
      <SelectField
        label={t('approvals.path')}
        value={pathId}
        onChange={setPathId}
        placeholder={t('approvals.adHoc')}
        options={(paths.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      {!pathId ? <StepsEditor steps={steps} onChange={setSteps} error={stepsError} /> : null}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('approvals.send')}
      </button>
    </form>
  );
}
