import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import {
  acceptTransfer,
  prepareTransfer,
  returnTransfer,
  submitTransfer,
  useTransfer,
  useTransfers,
} from './archive.api.ts';
import { useArchiveAction } from './use-action.ts';

/**
 * Spisy zdawczo-odbiorcze: the unit head prepares and submits one per JRWA class and year, the
 * archivist checks its findings and accepts the records or returns the list with remarks.
 */
export function TransfersPanel() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const org = useOrgNames();
  const transfers = useTransfers();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      {may(me, 'archive.prepare_transfer') ? <PrepareTransferForm onPrepared={setOpenId} /> : null}
      <QueryView query={transfers}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('archive.noTransfers')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('archive.transfers')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('archive.transferSign')}</th>
                    <th scope="col">{t('archive.unit')}</th>
                    <th scope="col">{t('archive.classYear')}</th>
                    <th scope="col">{t('archive.caseCount')}</th>
                    <th scope="col">{t('archive.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={openId === row.id}
                          onClick={() => setOpenId(openId === row.id ? null : row.id)}
                        >
                          {row.sign}
                        </button>
                      </td>
                      <td>{org.unitSymbol(row.unitId)}</td>
                      <td>
                        {row.jrwaSymbol} / {row.caseYear}
                      </td>
                      <td>{row.cases}</td>
                      <td>
                        <Badge>{t(`archive.transferStatus.${row.status}`)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {openId ? <TransferDetail id={openId} /> : null}
    </>
  );
}

function PrepareTransferForm(props: { onPrepared: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const units = [...new Set(me.roles.map((r) => r.unitId).filter((u): u is string => !!u))];
  const [unitId, setUnitId] = useState(units[0] ?? '');
  const [jrwaSymbol, setJrwaSymbol] = useState('');
  const [caseYear, setCaseYear] = useState('');
  const { run, error, busy } = useArchiveAction();
  const org = useOrgNames();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const transfer = await run(() =>
      prepareTransfer({ unitId, jrwaSymbol: jrwaSymbol.trim(), caseYear: Number(caseYear) }),
    );
    if (transfer) props.onPrepared(transfer.id);
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={t('archive.prepareTransfer')}>
      <ErrorAlert error={error} />
      {units.length > 1 ? (
        <SelectField
          label={t('archive.unit')}
          value={unitId}
          onChange={setUnitId}
          options={units.map((u) => ({ value: u, label: org.unitSymbol(u) }))}
        />
      ) : null}
      <TextField
        label={t('archive.jrwaSymbol')}
        value={jrwaSymbol}
        onChange={setJrwaSymbol}
        inputMode="numeric"
        required
      />
      <TextField
        label={t('archive.caseYear')}
        value={caseYear}
        onChange={setCaseYear}
        inputMode="numeric"
        hint={t('archive.caseYearHint')}
        required
      />
      <button type="submit" disabled={busy || !unitId}>
        {t('archive.prepareTransfer')}
      </button>
    </form>
  );
}

function TransferDetail(props: { id: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const transfer = useTransfer(props.id);
  const [remarks, setRemarks] = useState('');
  const { run, error, busy } = useArchiveAction();
  const decider = may(me, 'archive.decide_transfer');
  return (
    <QueryView query={transfer}>
      {(tr) => (
        <article className="card" aria-labelledby={`transfer-${tr.id}`}>
          <h3 id={`transfer-${tr.id}`}>
            {t('archive.transferTitle', { sign: tr.sign })}{' '}
            <Badge>{t(`archive.transferStatus.${tr.status}`)}</Badge>
          </h3>
          {tr.remarks ? <p>{t('archive.remarksShown', { remarks: tr.remarks })}</p> : null}
          <ErrorAlert error={error} />
          <div className="table-wrap">
            <table>
              <caption>{t('archive.items')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('archive.position')}</th>
                  <th scope="col">{t('archive.caseSign')}</th>
                  <th scope="col">{t('archive.caseTitle')}</th>
                  <th scope="col">{t('archive.dates')}</th>
                  <th scope="col">{t('archive.category')}</th>
                </tr>
              </thead>
              <tbody>
                {tr.items.map((item) => (
                  <tr key={item.caseId}>
                    <td>{item.position}</td>
                    <td>{item.sign}</td>
                    <td>{item.title}</td>
                    <td>
                      {item.openedOn} – {item.closedOn}
                    </td>
                    <td>{item.archivalCategory ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{t('archive.findings')}</h4>
          {tr.findings.length === 0 ? (
            <p>{t('archive.noFindings')}</p>
          ) : (
            <ul>
              {tr.findings.map((f, i) => (
                <li key={i}>
                  <strong>{f.sign}</strong>: {t(`archive.finding.${f.kind}`)} ({f.detail})
                </li>
              ))}
            </ul>
          )}
          <div className="button-row">
            {tr.status === 'prepared' || tr.status === 'returned' ? (
              may(me, 'archive.prepare_transfer') ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run(() => submitTransfer(tr.id))}
                >
                  {t('archive.submitTransfer')}
                </button>
              ) : null
            ) : null}
            {tr.status === 'submitted' && decider ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => run(() => acceptTransfer(tr.id))}
              >
                {t('archive.acceptTransfer')}
              </button>
            ) : null}
          </div>
          {tr.status === 'submitted' && decider ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => returnTransfer(tr.id, remarks.trim()));
              }}
            >
              <TextAreaField
                label={t('archive.returnRemarks')}
                value={remarks}
                onChange={setRemarks}
                required
              />
              <button type="submit" className="secondary" disabled={busy || !remarks.trim()}>
                {t('archive.returnTransfer')}
              </button>
            </form>
          ) : null}
        </article>
      )}
    </QueryView>
  );
}
