import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { todayInWarsaw } from '../../ui/format.ts';
import { useOrgNames } from '../org/org.api.ts';
import { METHOD_SUGGESTIONS, type AssignInput } from './assignments.api.ts';

/** Choose a unit and/or a person, the way of handling and a deadline (assign or forward). */
export function AssignForm(props: {
  submitLabel: string;
  onSubmit: (input: AssignInput) => Promise<unknown>;
  defaultUnitId?: string;
}) {
  const { t } = useTranslation();
  const org = useOrgNames();
  const [unitId, setUnitId] = useState(props.defaultUnitId ?? '');
  const [userId, setUserId] = useState('');
  const [method, setMethod] = useState('do załatwienia');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<{ target?: string; deadline?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const listId = `methods-${props.submitLabel.replace(/\W/g, '')}`;

  const people = org.people.filter((p) => p.kind === 'person' && (!unitId || p.unitId === unitId));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      target: unitId || userId ? undefined : t('assignments.chooseTarget'),
      deadline: deadline && deadline < todayInWarsaw() ? t('validation.notInPast') : undefined,
    };
    setErrors(found);
    if (found.target || found.deadline) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        unitId: unitId || undefined,
        userId: userId || undefined,
        method: method.trim() || undefined,
        deadline: deadline || undefined,
      });
      setUserId('');
      setDeadline('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="inline-form"
      aria-busy={busy}
      aria-label={props.submitLabel}
    >
      <ErrorAlert error={error} />
      <div className="grid-2">
        <SelectField
          label={t('assignments.unit')}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setUserId('');
          }}
          placeholder={t('common.choose')}
          options={org.units.map((u) => ({ value: u.id, label: `${u.symbol} – ${u.name}` }))}
          error={errors.target}
        />
        <SelectField
          label={t('assignments.person')}
          value={userId}
          onChange={setUserId}
          placeholder={t('assignments.wholeUnit')}
          options={people.map((p) => ({
            value: p.id,
            label: `${p.name}${p.post ? ` – ${p.post}` : ''} (${p.unitSymbol})`,
          }))}
        />
        <TextField
          label={t('assignments.method')}
          value={method}
          onChange={setMethod}
          list={listId}
          maxLength={200}
        />
        <TextField
          label={t('assignments.deadline')}
          type="date"
          value={deadline}
          onChange={setDeadline}
          error={errors.deadline}
        />
      </div>
      <datalist id={listId}>
        {METHOD_SUGGESTIONS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : props.submitLabel}
      </button>
    </form>
  );
}
