import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field.tsx';
import { useOrgNames } from '../org/org.api.ts';
import type { ApprovalStep } from './approvals.api.ts';

/** Edits the steps of an approval path: each step is an approval or parallel opinions. */
export function StepsEditor(props: {
  steps: ApprovalStep[];
  onChange: (steps: ApprovalStep[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const org = useOrgNames();
  const people = org.people.filter((p) => p.kind === 'person');
  const update = (index: number, step: ApprovalStep) =>
    props.onChange(props.steps.map((s, i) => (i === index ? step : s)));
  return (
    <fieldset className="steps">
      <legend>{t('approvals.steps')}</legend>
      {props.error ? <p className="field-error">{props.error}</p> : null}
      <ol>
        {props.steps.map((step, index) => (
          <li key={index} className="step">
            <div className="grid-2">
              <SelectField
                label={t('approvals.stepKind', { n: index + 1 })}
                value={step.kind}
                onChange={(kind) => update(index, { ...step, kind: kind as ApprovalStep['kind'] })}
                options={[
                  { value: 'approve', label: t('approvals.kind.approve') },
                  { value: 'opinion', label: t('approvals.kind.opinion') },
                ]}
              />
              <SelectField
                label={t('approvals.approver', { n: index + 1 })}
                value={step.approverIds[0] ?? ''}
                onChange={(id) =>
                  update(index, {
                    ...step,
                    approverIds: id ? [id, ...step.approverIds.slice(1)] : [],
                  })
                }
                placeholder={t('common.choose')}
                options={people.map((p) => ({
                  value: p.id,
                  label: `${p.name}${p.post ? ` – ${p.post}` : ''} (${p.unitSymbol})`,
                }))}
              />
            </div>
            {step.kind === 'opinion' ? (
              <SelectField
                label={t('approvals.secondOpinion', { n: index + 1 })}
                value={step.approverIds[1] ?? ''}
                onChange={(id) =>
                  update(index, {
                    ...step,
                    approverIds: [step.approverIds[0] ?? '', ...(id ? [id] : [])].filter(Boolean),
                  })
                }
                placeholder={t('common.none')}
                options={people.map((p) => ({ value: p.id, label: `${p.name} (${p.unitSymbol})` }))}
              />
            ) : null}
            {props.steps.length > 1 ? (
              <button
                type="button"
                className="secondary small"
                onClick={() => props.onChange(props.steps.filter((_, i) => i !== index))}
              >
                {t('approvals.removeStep', { n: index + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary small"
        onClick={() => props.onChange([...props.steps, { kind: 'approve', approverIds: [] }])}
      >
        {t('approvals.addStep')}
      </button>
    </fieldset>
  );
}
