import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { FileField, SelectField, TextField } from '../../ui/Field.tsx';
import { QueryView } from '../../ui/Loading.tsx';
import {
  answerDisposalItems,
  executeDisposal,
  prepareDisposalList,
  recordDisposalConsent,
  submitDisposalList,
  useDisposalList,
  useDisposalLists,
  type CommissionAnswer,
  type DisposalList,
} from './archive.api.ts';
import { useArchiveAction } from './use-action.ts';

/**
 * Brakowanie: the yearly list of records due, the commission's answer per item, the state
 * archive's consent (number, date, scan), and the destruction with its protocol. The server
 * checks every item again at execution; this screen only follows the list's status.
 */
export function DisposalPanel() {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [listId, setListId] = useState<string | null>(null);
  const { run, error, busy } = useArchiveAction();

  async function onPrepare(e: FormEvent) {
    e.preventDefault();
    const list = await run(() => prepareDisposalList(Number(year)));
    if (list) setListId(list.id);
  }

  return (
    <>
      <form className="inline-form" onSubmit={onPrepare} aria-label={t('archive.prepareDisposal')}>
        <ErrorAlert error={error} />
        <TextField
          label={t('archive.disposalYear')}
          value={year}
          onChange={setYear}
          inputMode="numeric"
          required
        />
        <button type="submit" disabled={busy}>
          {t('archive.prepareDisposal')}
        </button>
      </form>
      <DisposalLists selected={listId} onOpen={setListId} />
      {listId ? <DisposalListView id={listId} /> : null}
    </>
  );
}

/** The lists prepared so far: brakowanie takes weeks (commission, consent), so the archivist comes back. */
function DisposalLists(props: { selected: string | null; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const lists = useDisposalLists();
  return (
    <QueryView query={lists}>
      {(all) => (
        <section aria-label={t('archive.disposalLists')}>
          <h3>{t('archive.disposalLists')}</h3>
          {all.length === 0 ? (
            <p>{t('archive.noDisposalLists')}</p>
          ) : (
            <ul className="plain-list">
              {all.map((list) => (
                <li key={list.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={props.selected === list.id}
                    onClick={() => props.onOpen(list.id)}
                  >
                    {t('archive.openDisposalList', { sign: list.sign, count: list.items })}
                  </button>{' '}
                  <Badge>{t(`archive.disposalStatus.${list.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </QueryView>
  );
}

function DisposalListView(props: { id: string }) {
  const list = useDisposalList(props.id);
  return <QueryView query={list}>{(l) => <DisposalListCard list={l} />}</QueryView>;
}

function DisposalListCard(props: { list: DisposalList }) {
  const { t } = useTranslation();
  const { list } = props;
  const { run, error, busy } = useArchiveAction();
  const [answers, setAnswers] = useState<Record<string, CommissionAnswer['answer']>>({});
  const draft = list.status === 'draft';
  const pending = Object.entries(answers).map(([caseId, answer]) => ({ caseId, answer }));

  return (
    <article className="card" aria-labelledby={`disposal-${list.id}`}>
      <h3 id={`disposal-${list.id}`}>
        {t('archive.disposalTitle', { sign: list.sign })}{' '}
        <Badge>{t(`archive.disposalStatus.${list.status}`)}</Badge>
      </h3>
      <ErrorAlert error={error} />
      {list.consent ? (
        <p>{t('archive.consentShown', { number: list.consent.number, date: list.consent.date })}</p>
      ) : null}
      {list.protocolFileId ? <Notice kind="success">{t('archive.protocolKept')}</Notice> : null}
      <div className="table-wrap">
        <table>
          <caption>{t('archive.items')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('archive.position')}</th>
              <th scope="col">{t('archive.caseSign')}</th>
              <th scope="col">{t('archive.caseTitle')}</th>
              <th scope="col">{t('archive.category')}</th>
              <th scope="col">{t('archive.commissionAnswer')}</th>
              <th scope="col">{t('archive.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.caseId}>
                <td>{item.position}</td>
                <td>{item.sign}</td>
                <td>{item.title}</td>
                <td>
                  {item.category}
                  {item.kind === 'expert_review' ? ` (${t('archive.expertReview')})` : ''}
                </td>
                <td>
                  {draft ? (
                    <SelectField
                      label={t('archive.answerFor', { sign: item.sign })}
                      value={answers[item.caseId] ?? item.commissionAnswer ?? ''}
                      onChange={(v) =>
                        setAnswers({ ...answers, [item.caseId]: v as CommissionAnswer['answer'] })
                      }
                      placeholder={t('common.choose')}
                      options={[
                        { value: 'destroy', label: t('archive.answer.destroy') },
                        { value: 'keep', label: t('archive.answer.keep') },
                      ]}
                    />
                  ) : item.commissionAnswer ? (
                    t(`archive.answer.${item.commissionAnswer}`)
                  ) : (
                    t('common.none')
                  )}
                </td>
                <td>
                  {item.outcome ? t(`archive.outcomeKind.${item.outcome}`) : ''}
                  {item.outcomeReason ? ` – ${item.outcomeReason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        {draft ? (
          <>
            <button
              type="button"
              disabled={busy || pending.length === 0}
              onClick={async () => {
                if (await run(() => answerDisposalItems(list.id, pending))) setAnswers({});
              }}
            >
              {t('archive.saveAnswers')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => run(() => submitDisposalList(list.id))}
            >
              {t('archive.submitDisposal')}
            </button>
          </>
        ) : null}
        {list.status === 'consented' ? (
          <button type="button" disabled={busy} onClick={() => run(() => executeDisposal(list.id))}>
            {t('archive.executeDisposal')}
          </button>
        ) : null}
      </div>
      {list.status === 'submitted' ? <ConsentForm listId={list.id} /> : null}
    </article>
  );
}

function ConsentForm(props: { listId: string }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { run, error, busy } = useArchiveAction();
  return (
    <form
      aria-label={t('archive.recordConsent')}
      onSubmit={(e) => {
        e.preventDefault();
        if (file) void run(() => recordDisposalConsent(props.listId, { number, date, file }));
      }}
    >
      <ErrorAlert error={error} />
      <TextField label={t('archive.consentNumber')} value={number} onChange={setNumber} required />
      <TextField
        label={t('archive.consentDate')}
        type="date"
        value={date}
        onChange={setDate}
        required
      />
      <FileField
        label={t('archive.consentFile')}
        onChange={(files) => setFile(files[0] ?? null)}
        accept="application/pdf,image/*"
        required
      />
      <button type="submit" disabled={busy || !file}>
        {t('archive.recordConsent')}
      </button>
    </form>
  );
}
