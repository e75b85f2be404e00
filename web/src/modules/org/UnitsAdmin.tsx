import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { orgKeys, useUnits } from './org.api.ts';

export function UnitsAdmin() {
  const { t } = useTranslation();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [symbol, setSymbol] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [subordinate, setSubordinate] = useState(false);
  const [errors, setErrors] = useState<{ symbol?: string; name?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const byId = new Map((units.data ?? []).map((u) => [u.id, u]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      symbol: symbol.trim() ? undefined : t('validation.required'),
      name: name.trim() ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (found.symbol || found.name) return;
    setError(null);
    try {
      const unit = await call(
        api.POST('/api/v1/org/units', {
          body: {
            symbol: symbol.trim(),
            name: name.trim(),
            parentId: parentId || undefined,
            isSubordinateEntity: subordinate,
          },
        }),
      );
      setNotice(t('admin.unitCreated', { symbol: unit.symbol }));
      setSymbol('');
      setName('');
      await queryClient.invalidateQueries({ queryKey: orgKeys.units });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <Section title={t('admin.tab.units')} id="units">
        <QueryView query={units}>
          {(rows) => (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('admin.tab.units')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.symbol')}</th>
                    <th scope="col">{t('admin.unitName')}</th>
                    <th scope="col">{t('admin.parent')}</th>
                    <th scope="col">{t('admin.subordinate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => (
                    <tr key={u.id}>
                      <td>{u.symbol}</td>
                      <td>{u.name}</td>
                      <td>{u.parentId ? (byId.get(u.parentId)?.symbol ?? '…') : '—'}</td>
                      <td>{u.isSubordinateEntity ? t('common.yes') : t('common.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Section>
      <Section title={t('admin.addUnit')} id="add-unit">
        {notice ? <Notice>{notice}</Notice> : null}
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={error} />
          <div className="grid-2">
            <TextField
              label={t('admin.symbol')}
              value={symbol}
              onChange={setSymbol}
              required
              error={errors.symbol}
            />
            <TextField
              label={t('admin.unitName')}
              value={name}
              onChange={setName}
              required
              error={errors.name}
            />
            <SelectField
              label={t('admin.parent')}
              value={parentId}
              onChange={setParentId}
              placeholder={t('common.none')}
              options={(units.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.symbol} – ${u.name}`,
              }))}
            />
            <CheckboxField
              label={t('admin.subordinate')}
              checked={subordinate}
              onChange={setSubordinate}
            />
          </div>
          <button type="submit">{t('admin.addUnit')}</button>
        </form>
      </Section>
    </>
  );
}
