import { html } from 'hono/html';
import { formatAccessCode } from '../../incoming/access-code.ts';
import type { CaseProgress } from '../case-progress.ts';
import type { LetterView, MatterView } from '../matters.usecases.ts';
import { displayDate, warsawDisplay } from '../portal-time.ts';
import type { Html } from './layout.ts';

const DONE = new Set(['delivered', 'closed']);
const ATTENTION = new Set(['waiting_for_party', 'suspended']);

export function statusBadge(progress: Pick<CaseProgress, 'status' | 'label'>): Html {
  const tone = DONE.has(progress.status)
    ? 'done'
    : ATTENTION.has(progress.status)
      ? 'attention'
      : '';
  return html`<strong class="status ${tone}">${progress.label}</strong>`;
}

export function mattersBody(matters: MatterView[]): Html {
  return html`<h1>Moje sprawy</h1>
    ${
      matters.length === 0
        ? html`<p>
            Nie masz jeszcze spraw złożonych przez portal.
            <a href="/portal/formularze">Złóż pierwszy wniosek</a>.
          </p>`
        : html`<table class="stack">
            <caption>
              Wnioski i pisma złożone przez portal
            </caption>
            <thead>
              <tr>
                <th scope="col">Sprawa</th>
                <th scope="col">Złożono</th>
                <th scope="col">Numer</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${matters.map(
                (m) =>
                  html`<tr>
                    <td data-label="Sprawa">
                      <a href="/portal/sprawy/${m.id}">${m.title}</a>
                      ${m.lettersWaiting > 0 ? html`<br /><strong>Nowe pisma z urzędu: ${m.lettersWaiting}</strong>` : ''}
                    </td>
                    <td data-label="Złożono">${warsawDisplay(m.receivedAt)}</td>
                    <td data-label="Numer">${m.progress.caseSign ?? m.rpwSign ?? '—'}</td>
                    <td data-label="Status">${statusBadge(m.progress)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p><a class="button secondary" href="/portal/formularze">Złóż nowy wniosek</a></p>`;
}

/**
 * One matter: status, numbers, the statutory deadline with pauses and delay notices, the
 * decision and its delivery, the office's letters (downloading one is its delivery), the
 * citizen's own documents and the acknowledgement.
 */
export function matterBody(options: {
  matter: MatterView;
  accessCode: string | null;
  csrfToken: string;
  justSubmitted: boolean;
}): Html {
  const { matter } = options;
  const p = matter.progress;
  return html`${
      options.justSubmitted
        ? html`<div class="panel success" role="status">
            <h2>Wniosek został złożony</h2>
            <p>
              Urząd otrzymał Twój wniosek ${warsawDisplay(matter.receivedAt)}.
              ${matter.rpwSign ? html`Numer w rejestrze przesyłek wpływających: <strong>${matter.rpwSign}</strong>.` : 'Rejestracja trwa – odśwież stronę za chwilę.'}
            </p>
            ${matter.receiptReady ? html`<p>Pobierz potwierdzenie złożenia pisma poniżej i zachowaj je.</p>` : ''}
          </div>`
        : ''
    }
    <h1>${matter.title}</h1>
    <p>Status: ${statusBadge(p)}</p>
    <p>${p.description}</p>
    ${
      p.delayNotice
        ? html`<div class="panel warning">
            <h2>Zawiadomienie o niezałatwieniu sprawy w terminie</h2>
            <p>
              Urząd wyznaczył nowy termin: <strong>${displayDate(p.delayNotice.newDue)}</strong>.
              Powód: ${p.delayNotice.reason}.
            </p>
            <p>Jeśli uważasz, że sprawa trwa zbyt długo, możesz wnieść ponaglenie (art. 37 KPA).</p>
          </div>`
        : ''
    }
    <dl class="summary">
      <dt>Data złożenia</dt>
      <dd>${warsawDisplay(matter.receivedAt)}</dd>
      <dt>Numer RPW</dt>
      <dd>${matter.rpwSign ?? 'w trakcie rejestracji'}</dd>
      <dt>Znak sprawy</dt>
      <dd>${p.caseSign ?? 'nadany po wszczęciu sprawy'}</dd>
      <dt>Termin załatwienia</dt>
      <dd>${deadlineText(p)}</dd>
      ${
        p.decision
          ? html`<dt>Rozstrzygnięcie</dt>
              <dd>
                ${p.decision.kind} nr ${p.decision.sign} z ${displayDate(p.decision.issuedOn)}
              </dd>`
          : ''
      }
      ${
        p.delivery
          ? html`<dt>Doręczenie</dt>
              <dd>
                ${displayDate(p.delivery.deliveredOn)}${
                  p.delivery.appealDue
                    ? html`; termin na odwołanie upływa
                        <strong>${displayDate(p.delivery.appealDue)}</strong>`
                    : ''
                }
              </dd>`
          : ''
      }
      ${
        options.accessCode
          ? html`<dt>Kod dostępu</dt>
              <dd><span class="code">${formatAccessCode(options.accessCode)}</span></dd>`
          : ''
      }
    </dl>
    <h2>Pisma z urzędu</h2>
    ${
      matter.letters.length === 0
        ? html`<p>Urząd nie przesłał jeszcze pism w tej sprawie.</p>`
        : html`<p>
              Pobranie pisma jest jego doręczeniem: od tego dnia biegną terminy, np. 14 dni na
              odwołanie od decyzji. Pismo niepobrane w ciągu 14 dni uznaje się za doręczone.
            </p>
            <table class="stack">
              <caption>
                Pisma udostępnione w portalu
              </caption>
              <thead>
                <tr>
                  <th scope="col">Pismo</th>
                  <th scope="col">Udostępniono</th>
                  <th scope="col">Doręczenie</th>
                  <th scope="col">Pobierz</th>
                </tr>
              </thead>
              <tbody>
                ${matter.letters.map((letter) => letterRow(letter, options.csrfToken))}
              </tbody>
            </table>`
    }
    <h2>Twoje dokumenty</h2>
    <ul>
      <li><a href="/portal/sprawy/${matter.id}/wniosek.pdf">Twój wniosek (PDF)</a></li>
      <li>
        <a href="/portal/sprawy/${matter.id}/wniosek.xml"
          >Twój wniosek w postaci elektronicznej (XML)</a
        >
      </li>
      ${
        matter.receiptReady
          ? html`<li>
                <a href="/portal/sprawy/${matter.id}/potwierdzenie.pdf"
                  >Potwierdzenie złożenia pisma (PDF)</a
                >
              </li>
              <li>
                <a href="/portal/sprawy/${matter.id}/potwierdzenie.xml"
                  >Potwierdzenie złożenia pisma z pieczęcią elektroniczną (XML)</a
                >
              </li>`
          : html`<li>Potwierdzenie złożenia pisma będzie dostępne po rejestracji wniosku.</li>`
      }
    </ul>
    <h2>Historia sprawy</h2>
    <ol class="timeline">
      ${p.timeline.map((t) => html`<li><strong>${displayDate(t.on)}</strong> – ${t.what}</li>`)}
    </ol>
    <p><a href="/portal/sprawy">Wróć do listy spraw</a></p>`;
}

export function deadlineText(p: Pick<CaseProgress, 'deadline'>): Html {
  const d = p.deadline;
  if (!d) return html`ustalany po wszczęciu sprawy`;
  if (d.immediate) return html`<strong>niezwłocznie</strong> (${d.basis}) – bez daty końcowej`;
  if (!d.due) {
    return html`bieg terminu
    wstrzymany${d.pausedSince ? html` od ${displayDate(d.pausedSince)}` : ''} (${d.basis})`;
  }
  return html`<strong>${displayDate(d.due)}</strong>
    ${d.estimated ? html`(orientacyjnie: ${d.basis})` : html`(${d.basis})`}${d.overdue ? html` – <strong>termin minął</strong>` : ''}`;
}

function letterRow(letter: LetterView, csrfToken: string): Html {
  const delivery = letter.deliveredOn
    ? html`Doręczono
      ${displayDate(letter.deliveredOn)}${letter.downloadedAt ? ' (pobrane w portalu)' : ''}${
        letter.appealDue ? html`<br />Termin na odwołanie: ${displayDate(letter.appealDue)}` : ''
      }`
    : html`<strong>Nowe – czeka na pobranie</strong><br />Pismo jest doręczone z chwilą pobrania.
        Jeśli go nie pobierzesz, urząd doręczy je inną drogą (e-Doręczenia lub poczta).`;
  return html`<tr>
    <td data-label="Pismo">${letter.title}<br /><span class="muted">${letter.rkwSign}</span></td>
    <td data-label="Udostępniono">${warsawDisplay(letter.availableAt)}</td>
    <td data-label="Doręczenie">${delivery}</td>
    <td data-label="Pobierz">
      <form method="post" action="/portal/pisma/${letter.outgoingId}">
        <input type="hidden" name="_csrf" value="${csrfToken}" />
        <button class="button secondary" type="submit">
          Pobierz pismo<span class="muted"> „${letter.title}”</span>
        </button>
      </form>
    </td>
  </tr>`;
}
