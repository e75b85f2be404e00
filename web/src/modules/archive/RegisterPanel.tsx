import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { useHoldings, type HoldingsQuery } from './archive.api.ts';

/** The archive register (ewidencja): search by sign, class, year, party or words. */
export function RegisterPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [jrwaSymbol, setJrwaSymbol] = useState('');
  const [year, setYear] = useState('');
  const [query, setQuery] = useState<HoldingsQuery | null>(null);
  const holdings = useHoldings(query ?? {}, query !== null);

  function onSearch(e: FormEvent) {
    e.preventDefault();
    setQuery({
      q: q.trim() || undefined,
      jrwaSymbol: jrwaSymbol.trim() || undefined,
      year: year.trim() ? Number(year) : undefined,
    });
  }

  return (
    <>
      <form className="inline-form" role="search" onSubmit={onSearch}>
        <TextField label={t('archive.searchWords')} value={q} onChange={setQ} type="search" />
        <TextField
          label={t('archive.jrwaSymbol')}
          value={jrwaSymbol}
          onChange={setJrwaSymbol}
          inputMode="numeric"
        />
        <TextField
          label={t('archive.caseYear')}
          value={year}
          onChange={setYear}
          inputMode="numeric"
        />
        <button type="submit">{t('archive.search')}</button>
      </form>
      {query ? (
        <QueryView query={holdings}>
          {(rows) =>
            rows.length === 0 ? (
              <Empty>{t('archive.noHoldings')}</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption>{t('archive.holdingsFound', { count: rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('archive.caseSign')}</th>
                      <th scope="col">{t('archive.caseTitle')}</th>
                      <th scope="col">{t('archive.category')}</th>
                      <th scope="col">{t('archive.disposalFrom')}</th>
                      <th scope="col">{t('archive.location')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((h) => (
                      <tr key={h.caseId}>
                        <td>{h.sign}</td>
                        <td>
                          {h.title}
                          {h.parties.length > 0 ? (
                            <div className="muted small">{h.parties.join(', ')}</div>
                          ) : null}
                        </td>
                        <td>{h.archivalCategory ?? t('common.none')}</td>
                        <td>{h.disposalFrom ?? h.expertReviewFrom ?? t('common.none')}</td>
                        <td>
                          {[h.shelf, h.box, h.archivalSign].filter(Boolean).join(' / ') ||
                            t('common.none')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      ) : null}
    </>
  );
}
