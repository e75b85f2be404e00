import { html } from 'hono/html';
import { FORM_CATALOGUE } from '../forms/form-catalogue.ts';
import type { Html } from './layout.ts';

/** The start page: what the portal does, signing in, the forms and the status lookup. */
export function homeBody(options: { signedIn: boolean; signInLabel: string | null }): Html {
  return html`<h1>Załatw sprawę w urzędzie przez internet</h1>
    <p class="lead">
      Złóż wniosek lub pismo, śledź, co dzieje się z Twoją sprawą, i odbierz pisma z urzędu – bez
      wychodzenia z domu.
    </p>
    ${
      options.signedIn
        ? html`<p><a class="button" href="/portal/sprawy">Przejdź do moich spraw</a></p>`
        : options.signInLabel
          ? html`<p>
                <a class="button" href="/portal/logowanie"
                  >Zaloguj się przez ${options.signInLabel}</a
                >
              </p>
              <p class="muted">
                Logujesz się profilem zaufanym, e-dowodem lub bankowością elektroniczną. Urząd
                otrzymuje tylko Twoje imię, nazwisko i numer PESEL.
              </p>`
          : html`<div class="panel warning">
              <p>
                Logowanie do portalu jest obecnie niedostępne. Możesz sprawdzić status sprawy kodem
                z potwierdzenia.
              </p>
            </div>`
    }
    <h2>Co możesz załatwić</h2>
    ${formCards()}
    <div class="panel">
      <h2>Złożyłeś pismo na papierze?</h2>
      <p>
        Na potwierdzeniu wpływu znajdziesz numer RPW i kod dostępu. Podaj je, a sprawdzisz, co
        dzieje się z Twoją sprawą – bez logowania.
      </p>
      <p><a href="/portal/status">Sprawdź status sprawy</a></p>
    </div>`;
}

export function formsBody(): Html {
  return html`<h1>Załatw sprawę</h1>
    <p class="lead">Wybierz formularz. Do złożenia wniosku musisz się zalogować.</p>
    ${formCards()}`;
}

function formCards(): Html {
  return html`<ul class="cards">
    ${FORM_CATALOGUE.map(
      (form) =>
        html`<li class="card">
          <h3><a href="/portal/formularze/${form.id}">${form.title}</a></h3>
          <p>${form.summary}</p>
        </li>`,
    )}
  </ul>`;
}

export function messageBody(
  title: string,
  text: string,
  link?: { href: string; label: string },
): Html {
  return html`<h1>${title}</h1>
    <p>${text}</p>
    ${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}`;
}
