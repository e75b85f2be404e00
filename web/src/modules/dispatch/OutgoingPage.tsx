import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { printPart } from '../../ui/print.ts';
import { Pager } from '../../ui/Pager.tsx';
import {
  OUTGOING_STATUSES,
  REGISTER_PAGE_SIZE,
  useOutgoingRegister,
  usePostalList,
  type OutgoingStatus,
} from './dispatch.api.ts';
import { OutgoingActions } from './OutgoingActions.tsx';
import { OutgoingTable } from './OutgoingTable.tsx';

interface Address {
  street?: string;
  postalCode?: string;
  town?: string;
  country?: string;
}

function addressLine(address: unknown): string {
  const a = (address ?? {}) as Address;
  return [a.street, [a.postalCode, a.town].filter(Boolean).join(' '), a.country]
    .filter(Boolean)
    .join(', ');
}

/** Kancelaria's outgoing mail: the postal list to hand over, and the outgoing register (RKW). */
export function OutgoingPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('dispatch.title')}>
      <PostalList />
      <OutgoingRegister />
    </Page>
  );
}

/** Items registered for the post and not yet sent (pocztowa książka nadawcza), to print. */
function PostalList() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePostalList();
  return (
    <Section
      title={t('dispatch.postalList')}
      id="postal-list"
      actions={
        <button type="button" className="secondary small" onClick={() => printPart('postal-list')}>
          {t('dispatch.printList')}
        </button>
      }
    >
      <QueryView query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('dispatch.emptyList')}</Empty>
          ) : (
            <div className="table-wrap" data-print-part="postal-list">
              <table>
                <caption>
                  {t('dispatch.postalListCaption', {
                    date: format.date(new Date().toISOString()),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dispatch.no')}</th>
                    <th scope="col">{t('dispatch.rkw')}</th>
                    <th scope="col">{t('dispatch.addresseeName')}</th>
                    <th scope="col">{t('dispatch.address')}</th>
                    <th scope="col">{t('dispatch.method')}</th>
                    <th scope="col">{t('dispatch.postalClass')}</th>
                    <th scope="col">{t('dispatch.cost')}</th>
                    <th scope="col" className="no-print">
                      {t('common.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={row.id}>
                      <td>{index + 1}</td>
                      <td>{row.rkwNumber}</td>
                      <td>{row.addresseeName}</td>
                      <td>{addressLine(row.address)}</td>
                      <td>
                        {t(`dispatch.methods.${row.method as 'post'}`, {
                          defaultValue: row.method,
                        })}
                      </td>
                      <td>
                        {row.postalClass
                          ? t(`dispatch.${row.postalClass as 'priority'}`, {
                              defaultValue: row.postalClass,
                            })
                          : '—'}
                      </td>
                      <td>{format.money(row.costGrosz)}</td>
                      <td className="no-print">
                        <OutgoingActions
                          item={{
                            id: row.id,
                            rkwNumber: row.rkwNumber,
                            status: 'registered',
                            method: row.method as 'post',
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Section>
  );
}

/** The outgoing register (RKW) of a year; delivery can be recorded on any sent item. */
function OutgoingRegister() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [status, setStatus] = useState<OutgoingStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const yearNumber = /^\d{4}$/.test(year) ? Number(year) : new Date().getFullYear();
  const register = useOutgoingRegister({ year: yearNumber, status: status || undefined, offset });
  return (
    <Section title={t('dispatch.rkwTitle')} id="outgoing-register">
      <div className="filters">
        <TextField
          label={t('common.year')}
          type="number"
          value={year}
          onChange={(v) => {
            setYear(v);
            setOffset(0);
          }}
          min={2000}
          max={2200}
          className="narrow"
        />
        <SelectField
          label={t('dispatch.statusLabel')}
          value={status}
          onChange={(v) => {
            setStatus(v as OutgoingStatus | '');
            setOffset(0);
          }}
          options={[
            { value: '', label: t('common.all') },
            ...OUTGOING_STATUSES.map((s) => ({ value: s, label: t(`dispatch.status.${s}`) })),
          ]}
        />
      </div>
      <QueryView query={register}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('dispatch.emptyRegister')}</Empty>
          ) : (
            <OutgoingTable
              rows={rows}
              caption={t('dispatch.rkwTitle')}
              showCase={may(me, 'cases.read')}
              canHandle={may(me, 'outgoing.keep_register')}
            />
          )
        }
      </QueryView>
      <Pager
        offset={offset}
        pageSize={REGISTER_PAGE_SIZE}
        shown={register.data?.length ?? 0}
        onChange={setOffset}
      />
    </Section>
  );
}
