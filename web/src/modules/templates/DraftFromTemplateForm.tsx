import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { draftFromTemplate, useTemplates } from './templates.api.ts';

/** Creates a draft (version 1, a PDF) from a letter template, filling in its fields. */
export function DraftFromTemplateForm(props: { caseId: string; onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const active = (templates.data ?? []).filter((tpl) => tpl.active);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [addresseeName, setAddresseeName] = useState('');
  const [addresseeAddress, setAddresseeAddress] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [codeError, setCodeError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const template = active.find((tpl) => tpl.code === code);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!code) return setCodeError(t('validation.required'));
    setCodeError(undefined);
    // Every placeholder of a template needs a value, or the letter cannot be rendered.
    const empty = (template?.fields ?? []).filter((field) => !fields[field]?.trim());
    setFieldErrors(Object.fromEntries(empty.map((field) => [field, t('validation.required')])));
    if (empty.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const filled = Object.fromEntries(
        Object.entries(fields).filter(
          ([key, value]) => template?.fields.includes(key) && value.trim(),
        ),
      );
      await draftFromTemplate(props.caseId, {
        templateCode: code,
        title: title.trim() || undefined,
        fields: filled,
        addressee: addresseeName.trim()
          ? { name: addresseeName.trim(), address: addresseeAddress.trim() }
          : undefined,
      });
      setFields({});
      setTitle('');
      await props.onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={t('templates.createDraft')}>
      <ErrorAlert error={error} />
      <div className="grid-2">
        <SelectField
          label={t('templates.template')}
          value={code}
          onChange={setCode}
          placeholder={templates.isPending ? t('common.loading') : t('common.choose')}
          options={active.map((tpl) => ({
            value: tpl.code,
            label: `${tpl.name} (${t(`documents.kind.${tpl.kind}`)})`,
          }))}
          required
          error={codeError}
        />
        <TextField
          label={t('documents.title')}
          value={title}
          onChange={setTitle}
          hint={t('templates.titleHint')}
          maxLength={500}
        />
      </div>
      {template?.fields.map((field) => (
        <TextAreaField
          key={field}
          label={t(`templates.fieldNames.${field as 'content'}`, {
            defaultValue: t('templates.field', { name: field }),
          })}
          value={fields[field] ?? ''}
          onChange={(value) => setFields({ ...fields, [field]: value })}
          rows={field === 'reasoning' || field === 'content' ? 6 : 3}
          required
          error={fieldErrors[field]}
        />
      ))}
      <details>
        <summary>{t('templates.otherAddressee')}</summary>
        <div className="grid-2">
          <TextField
            label={t('dispatch.addresseeName')}
            value={addresseeName}
            onChange={setAddresseeName}
          />
          <TextAreaField
            label={t('templates.addresseeAddress')}
            value={addresseeAddress}
            onChange={setAddresseeAddress}
            rows={2}
          />
        </div>
      </details>
      <button type="submit" disabled={busy}>
        {busy ? t('templates.creating') : t('templates.createDraft')}
      </button>
    </form>
  );
}
