import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import {
  saveLetterhead,
  saveTemplate,
  templateKeys,
  useLetterhead,
  useTemplates,
  type LetterTemplate,
} from './templates.api.ts';

const KINDS: readonly LetterTemplate['kind'][] = [
  'letter',
  'decision',
  'order',
  'certificate',
  'delay_notice',
  'note',
];

/** Letter templates (built-in and the office's own) and the letterhead. */
export function TemplatesAdmin() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [editing, setEditing] = useState<LetterTemplate | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <Section title={t('admin.tab.templates')} id="templates">
        <QueryView query={templates}>
          {(rows) => (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('admin.tab.templates')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('templates.name')}</th>
                    <th scope="col">{t('templates.code')}</th>
                    <th scope="col">{t('documents.kindLabel')}</th>
                    <th scope="col">{t('templates.source')}</th>
                    <th scope="col">{t('templates.fields')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((tpl) => (
                    <tr key={tpl.id}>
                      <td>
                        {tpl.name} {!tpl.active ? <Badge>{t('templates.inactive')}</Badge> : null}
                      </td>
                      <td>
                        <code>{tpl.code}</code>
                      </td>
                      <td>{t(`documents.kind.${tpl.kind}`)}</td>
                      <td>{t(`templates.sources.${tpl.source}`)}</td>
                      <td>{tpl.fields.join(', ') || '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            setEditing(tpl);
                            setFormKey((k) => k + 1);
                          }}
                        >
                          {t('templates.edit', { name: tpl.name })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Section>
      <Section
        title={editing ? t('templates.editing', { name: editing.name }) : t('templates.new')}
        id="template-form"
      >
        {editing ? (
          <button
            type="button"
            className="secondary small"
            onClick={() => {
              setEditing(null);
              setFormKey((k) => k + 1);
            }}
          >
            {t('templates.new')}
          </button>
        ) : null}
        <TemplateForm key={formKey} template={editing} />
      </Section>
      <LetterheadForm />
    </>
  );
}

function TemplateForm(props: { template: LetterTemplate | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(props.template?.code ?? '');
  const [name, setName] = useState(props.template?.name ?? '');
  const [kind, setKind] = useState<LetterTemplate['kind']>(props.template?.kind ?? 'letter');
  const [body, setBody] = useState(props.template?.body ?? '');
  const [active, setActive] = useState(props.template?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      code: /^[a-z][a-z0-9_]{1,39}$/.test(code) ? undefined : t('validation.templateCode'),
      name: name.trim() ? undefined : t('validation.required'),
      body: body.trim() ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setError(null);
    try {
      const saved = await saveTemplate({ code, name: name.trim(), kind, body, active });
      setNotice(t('templates.saved', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: templateKeys.all });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert error={error} />
      <div className="grid-3">
        <TextField
          label={t('templates.code')}
          value={code}
          onChange={setCode}
          required
          error={errors.code}
          hint={t('templates.codeHint')}
        />
        <TextField
          label={t('templates.name')}
          value={name}
          onChange={setName}
          required
          error={errors.name}
        />
        <SelectField
          label={t('documents.kindLabel')}
          value={kind}
          onChange={(v) => setKind(v as LetterTemplate['kind'])}
          options={KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
        />
      </div>
      <TextAreaField
        label={t('templates.body')}
        value={body}
        onChange={setBody}
        rows={14}
        required
        error={errors.body}
        hint={t('templates.bodyHint')}
      />
      <CheckboxField label={t('templates.active')} checked={active} onChange={setActive} />
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}

function LetterheadForm() {
  const { t } = useTranslation();
  const letterhead = useLetterhead();
  return (
    <Section title={t('templates.letterhead')} id="letterhead">
      <QueryView query={letterhead}>
        {(data) => (
          <LetterheadFields
            town={data.letterhead?.town ?? ''}
            address={data.letterhead?.address ?? ''}
          />
        )}
      </QueryView>
    </Section>
  );
}

function LetterheadFields(props: { town: string; address: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [town, setTown] = useState(props.town);
  const [address, setAddress] = useState(props.address);
  const [townError, setTownError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!town.trim()) return setTownError(t('validation.required'));
        setTownError(undefined);
        setError(null);
        saveLetterhead({ town: town.trim(), address: address.trim() || null }).then(async () => {
          setNotice(t('templates.letterheadSaved'));
          await queryClient.invalidateQueries({ queryKey: templateKeys.letterhead });
        }, setError);
      }}
    >
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert error={error} />
      <div className="grid-2">
        <TextField
          label={t('templates.town')}
          value={town}
          onChange={setTown}
          required
          error={townError}
        />
        <TextField label={t('templates.address')} value={address} onChange={setAddress} />
      </div>
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
