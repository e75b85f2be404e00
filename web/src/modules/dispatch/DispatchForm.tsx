import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import {
  ADDRESSEE_KINDS,
  DISPATCH_METHODS,
  ELECTRONIC_METHODS,
  POSTAL_METHODS,
  registerOutgoing,
  type AddresseeKind,
  type DispatchMethod,
} from './dispatch.api.ts';

export interface Party {
  name: string;
  street?: string | undefined;
  postalCode?: string | undefined;
  town: string;
  country: string;
}

/** Registers an approved or signed document for dispatch (RKW): addressee, method, postage. */
export function DispatchForm(props: {
  documentId: string;
  signed: boolean;
  party?: Party | undefined;
  onDone: (rkwNumber: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<DispatchMethod>(
    props.signed ? 'post_return_receipt' : 'post',
  );
  const [name, setName] = useState(props.party?.name ?? '');
  const [addresseeKind, setAddresseeKind] = useState<AddresseeKind>('person');
  const [street, setStreet] = useState(props.party?.street ?? '');
  const [postalCode, setPostalCode] = useState(props.party?.postalCode ?? '');
  const [town, setTown] = useState(props.party?.town ?? '');
  const [country, setCountry] = useState(props.party?.country ?? 'Polska');
  const [electronicAddress, setElectronicAddress] = useState('');
  const [postalClass, setPostalClass] = useState<'economy' | 'priority'>('priority');
  const [cost, setCost] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const electronic = ELECTRONIC_METHODS.includes(method);
  const postal = POSTAL_METHODS.includes(method);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string | undefined> = {
      name: name.trim() ? undefined : t('validation.required'),
      town: postal && !town.trim() ? t('validation.required') : undefined,
      postalCode:
        postalCode.trim() && !/^\d{2}-\d{3}$/.test(postalCode.trim())
          ? t('validation.postalCode')
          : undefined,
      electronicAddress:
        electronic && !electronicAddress.trim() ? t('validation.required') : undefined,
      cost:
        cost.trim() && !(Number(cost.replace(',', '.')) >= 0) ? t('validation.amount') : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const created = await registerOutgoing({
        documentId: props.documentId,
        addressee: {
          name: name.trim(),
          kind: addresseeKind,
          address: town.trim()
            ? {
                street: street.trim() || undefined,
                postalCode: postalCode.trim() || undefined,
                town: town.trim(),
                country: country.trim() || 'Polska',
              }
            : undefined,
        },
        electronicAddress: electronic ? electronicAddress.trim() : undefined,
        method,
        postalClass: postal ? postalClass : undefined,
        costGrosz: cost.trim() ? Math.round(Number(cost.replace(',', '.')) * 100) : undefined,
      });
      await props.onDone(created.rkwNumber);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={t('dispatch.dispatch')}>
      <ErrorAlert error={error} />
      {!props.signed ? <p className="muted small">{t('dispatch.unsignedHint')}</p> : null}
      <div className="grid-2">
        <SelectField
          label={t('dispatch.method')}
          value={method}
          onChange={(v) => setMethod(v as DispatchMethod)}
          options={DISPATCH_METHODS.map((m) => ({ value: m, label: t(`dispatch.methods.${m}`) }))}
        />
        {postal ? (
          <SelectField
            label={t('dispatch.postalClass')}
            value={postalClass}
            onChange={(v) => setPostalClass(v as 'economy' | 'priority')}
            options={[
              { value: 'priority', label: t('dispatch.priority') },
              { value: 'economy', label: t('dispatch.economy') },
            ]}
          />
        ) : null}
        <TextField
          label={t('dispatch.addresseeName')}
          value={name}
          onChange={setName}
          required
          error={errors.name}
        />
        <SelectField
          label={t('dispatch.addresseeKind')}
          value={addresseeKind}
          onChange={(v) => setAddresseeKind(v as AddresseeKind)}
          options={ADDRESSEE_KINDS.map((k) => ({
            value: k,
            label: t(`dispatch.addresseeKinds.${k}`),
          }))}
          hint={method === 'edoreczenia' ? t('dispatch.addresseeKindHint') : undefined}
        />
        {electronic ? (
          <TextField
            label={t('dispatch.electronicAddress')}
            value={electronicAddress}
            onChange={setElectronicAddress}
            required
            error={errors.electronicAddress}
            hint={t('dispatch.electronicHint')}
          />
        ) : null}
        <TextField label={t('incoming.field.street')} value={street} onChange={setStreet} />
        <TextField
          label={t('incoming.field.postalCode')}
          value={postalCode}
          onChange={setPostalCode}
          error={errors.postalCode}
        />
        <TextField
          label={t('incoming.field.town')}
          value={town}
          onChange={setTown}
          required={postal}
          error={errors.town}
        />
        <TextField label={t('incoming.field.country')} value={country} onChange={setCountry} />
        {postal ? (
          <TextField
            label={t('dispatch.cost')}
            value={cost}
            onChange={setCost}
            inputMode="decimal"
            error={errors.cost}
          />
        ) : null}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('dispatch.register')}
      </button>
    </form>
  );
}
