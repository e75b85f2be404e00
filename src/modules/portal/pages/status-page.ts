import { html } from 'hono/html';
import type { StatusLookupResult } from '../status-lookup.usecases.ts';
import { displayDate } from '../portal-time.ts';
import type { Html } from './layout.ts';
import { deadlineText, statusBadge } from './matters-pages.ts';

/** The status lookup without signing in: two fields, and the progress or one generic error. */
export function statusBody(options: {
  reference?: string;
  error?: string;
  result?: StatusLookupResult;
}): Html {
  const r = options.result;
  return html`<h1>Sprawdź status sprawy</h1>
    <p class="lead">
      Podaj znak sprawy albo numer RPW oraz kod dostępu z potwierdzenia wpływu lub z potwierdzenia
      złożenia pisma w portalu.
    </p>
    ${
      options.error
        ? html`<div class="error-summary" role="alert" tabindex="-1" id="bledy">
            <h2>Nie udało się sprawdzić statusu</h2>
            <p>${options.error}</p>
          </div>`
        : ''
    }
    <form method="post" action="/portal/status" novalidate>
      <div class="field">
        <label for="pole-reference">Znak sprawy lub numer RPW</label>
        <span class="hint" id="pole-reference-podpowiedz"
          >Np. FN.3118.12.2026 albo RPW/152/2026.</span
        >
        <input
          type="text"
          id="pole-reference"
          name="reference"
          required
          aria-required="true"
          value="${options.reference ?? ''}"
          aria-describedby="pole-reference-podpowiedz"
          autocomplete="off"
          spellcheck="false"
        />
      </div>
      <div class="field">
        <label for="pole-code">Kod dostępu</label>
        <span class="hint" id="pole-code-podpowiedz"
          >10 znaków, np. ABCDE-FGH23. Wielkość liter nie ma znaczenia.</span
        >
        <input
          type="text"
          id="pole-code"
          name="accessCode"
          required
          aria-required="true"
          class="short"
          aria-describedby="pole-code-podpowiedz"
          autocomplete="off"
          spellcheck="false"
        />
      </div>
      <button class="button" type="submit">Sprawdź</button>
    </form>
    ${
      r
        ? html`<section aria-labelledby="wynik" class="panel" role="status">
            <h2 id="wynik">Status: ${statusBadge(r)}</h2>
            <p>${r.description}</p>
            <dl class="summary">
              ${
                r.caseSign
                  ? html`<dt>Znak sprawy</dt>
                      <dd>${r.caseSign}</dd>`
                  : ''
              }
              <dt>Termin załatwienia</dt>
              <dd>${deadlineText(r)}</dd>
              ${
                r.delayNotice
                  ? html`<dt>Nowy termin (art. 36 KPA)</dt>
                      <dd>${displayDate(r.delayNotice.newDue)}: ${r.delayNotice.reason}</dd>`
                  : ''
              }
              ${
                r.decision
                  ? html`<dt>Rozstrzygnięcie</dt>
                      <dd>${r.decision.kind} z ${displayDate(r.decision.issuedOn)}</dd>`
                  : ''
              }
              ${
                r.delivery
                  ? html`<dt>Doręczenie</dt>
                      <dd>${displayDate(r.delivery.deliveredOn)}</dd>`
                  : ''
              }
            </dl>
            <h3>Przebieg</h3>
            <ol class="timeline">
              ${r.timeline.map((t) => html`<li><strong>${displayDate(t.on)}</strong> – ${t.what}</li>`)}
            </ol>
          </section>`
        : ''
    }`;
}
