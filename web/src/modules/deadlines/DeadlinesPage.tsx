import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { useUnits } from '../org/org.api.ts';
import { DeadlineTable } from './DeadlineTable.tsx';

/** Overdue and due-soon cases (KPA deadlines), filterable by unit and own desk. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [unitId, setUnitId] = useState('');
  const [mine, setMine] = useState(false);
  const [within, setWithin] = useState('5');
  const withinNumber = Math.min(60, Math.max(0, Number(within) || 0));
  const common = { unitId: unitId || undefined, mine };
  return (
    <Page title={t('deadlines.title')}>
      <div className="filters">
        <SelectField
          label={t('cases.unit')}
          value={unitId}
          onChange={setUnitId}
          placeholder={t('common.all')}
          options={(units.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.symbol} – ${u.name}`,
          }))}
        />
        <TextField
          label={t('deadlines.within')}
          type="number"
          min={0}
          max={60}
          value={within}
          onChange={setWithin}
          className="narrow"
        />
        <CheckboxField label={t('deadlines.onlyMine')} checked={mine} onChange={setMine} />
      </div>
      <Section title={t('deadlines.overdue')} id="overdue">
        <DeadlineTable query={{ kind: 'overdue', ...common }} caption={t('deadlines.overdue')} />
      </Section>
      <Section title={t('deadlines.dueSoon', { count: withinNumber })} id="due-soon">
        <DeadlineTable
          query={{ kind: 'due_soon', within: withinNumber, ...common }}
          caption={t('deadlines.dueSoon', { count: withinNumber })}
        />
      </Section>
    </Page>
  );
}
