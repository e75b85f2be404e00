import { html } from 'hono/html';
import { acceptedTypesLabel, ACCEPTED_TYPES } from '../attachments.ts';
import type { FieldErrors, FormDefinition, FormField } from '../forms/form-fields.ts';
import type { Html } from './layout.ts';

const TERM_TEXT: Record<string, string> = { '7d': '7 dni', '1m': '1 miesiąc', '2m': '2 miesiące' };

const ACCEPT = Object.keys(ACCEPTED_TYPES)
  .concat([
    '.pdf',
    '.jpg',
    '.jpeg',
    '.png',
    '.tif',
    '.tiff',
    '.odt',
    '.ods',
    '.docx',
    '.xlsx',
    '.rtf',
    '.txt',
    '.xml',
    '.xades',
  ])
  .join(',');

/**
 * A form page: the form's sections as fieldsets, every field with a visible label, its hint and
 * error tied by aria-describedby, an error summary linking to each invalid field (WCAG 3.3.1,
 * 3.3.3), identity fields shown as read-only text taken from the sign-in.
 */
export function formBody(options: {
  form: FormDefinition;
  citizen: { name: string; pesel: string };
  csrfToken: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  maxFileMb: number;
  maxFiles: number;
}): Html {
  const { form, errors = {}, values = {} } = options;
  const errorList = Object.entries(errors);
  const fieldLabel = (name: string) =>
    name === 'attachments'
      ? 'Załączniki'
      : (form.sections.flatMap((s) => s.fields).find((f) => f.name === name)?.label ?? name);
  return html`<h1>${form.title}</h1>
    <p class="lead">${form.summary}</p>
    ${
      errorList.length > 0
        ? html`<div
            class="error-summary"
            role="alert"
            aria-labelledby="bledy-tytul"
            tabindex="-1"
            id="bledy"
          >
            <h2 id="bledy-tytul">Popraw błędy w formularzu</h2>
            <ul>
              ${errorList.map(
                ([name, message]) =>
                  html`<li>
                    <a href="#${name === 'attachments' ? 'pole-attachments' : `pole-${name}`}"
                      >${message.includes(`„${fieldLabel(name)}”`) ? message : `${fieldLabel(name)}: ${message}`}</a
                    >
                  </li>`,
              )}
            </ul>
          </div>`
        : ''
    }
    <div class="panel">
      <p>
        <strong>Termin załatwienia sprawy:</strong> ${TERM_TEXT[form.term.term] ?? form.term.term}
        (${form.term.basis}).
      </p>
      ${form.fee ? html`<p><strong>Opłata:</strong> ${form.fee}</p>` : ''}
    </div>
    <form
      method="post"
      action="/portal/formularze/${form.id}"
      enctype="multipart/form-data"
      novalidate
    >
      <input type="hidden" name="_csrf" value="${options.csrfToken}" />
      ${form.sections.map(
        (section) =>
          html`<fieldset>
            <legend>${section.title}</legend>
            ${section.fields.map((field) => renderField(field, options.citizen, values[field.name] ?? '', errors[field.name]))}
          </fieldset>`,
      )}
      <fieldset>
        <legend>Załączniki</legend>
        <div class="field ${errors.attachments ? 'invalid' : ''}">
          <label for="pole-attachments"
            >Dołącz pliki${form.attachments.required ? '' : ' (nieobowiązkowe)'}</label
          >
          <span class="hint" id="pole-attachments-podpowiedz"
            >${form.attachments.hint} Dozwolone formaty: ${acceptedTypesLabel()}. Najwyżej
            ${options.maxFiles} plików, każdy do ${options.maxFileMb} MB.</span
          >
          ${errors.attachments ? html`<span class="field-error" id="pole-attachments-blad">Błąd: ${errors.attachments}</span>` : ''}
          <input
            type="file"
            id="pole-attachments"
            name="attachments"
            multiple
            accept="${ACCEPT}"
            aria-describedby="pole-attachments-podpowiedz${errors.attachments ? ' pole-attachments-blad' : ''}"
            ${errors.attachments ? html`aria-invalid="true"` : ''}
          />
        </div>
      </fieldset>
      <p>
        Wysyłając wniosek, potwierdzasz, że dane są zgodne z prawdą. Otrzymasz potwierdzenie
        złożenia pisma z numerem w rejestrze urzędu.
      </p>
      <button class="button" type="submit">Wyślij wniosek</button>
    </form>`;
}

function renderField(
  field: FormField,
  citizen: { name: string; pesel: string },
  value: string,
  error: string | undefined,
): Html {
  const id = `pole-${field.name}`;
  if (field.fromIdentity) {
    return html`<div class="field" id="${id}">
      <p class="readonly">
        <strong>${field.label}:</strong> ${citizen[field.fromIdentity]}
        <span class="muted">(potwierdzone przy logowaniu)</span>
      </p>
    </div>`;
  }
  const describedBy = [field.hint ? `${id}-podpowiedz` : '', error ? `${id}-blad` : '']
    .filter(Boolean)
    .join(' ');
  const common = html`id="${id}" name="${field.name}"
  ${field.required ? html`required aria-required="true"` : ''}
  ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
  ${error ? html`aria-invalid="true"` : ''}
  ${field.autocomplete ? html`autocomplete="${field.autocomplete}"` : ''}`;
  let control: Html;
  switch (field.kind) {
    case 'textarea':
      control = html`<textarea ${common} rows="8" maxlength="${field.maxLength ?? 10000}">
${value}</textarea>`;
      break;
    case 'select':
      control = html`<select ${common}>
        <option value="">— wybierz —</option>
        ${(field.options ?? []).map((o) => html`<option value="${o.value}" ${o.value === value ? 'selected' : ''}>${o.label}</option>`)}
      </select>`;
      break;
    default: {
      const type =
        field.kind === 'email'
          ? 'email'
          : field.kind === 'phone'
            ? 'tel'
            : field.kind === 'date'
              ? 'date'
              : 'text';
      const numeric = ['pesel', 'nip', 'postal_code', 'number'].includes(field.kind);
      const short = ['pesel', 'nip', 'postal_code', 'number', 'date'].includes(field.kind);
      control = html`<input
        type="${type}"
        ${common}
        value="${value}"
        ${numeric ? html`inputmode="numeric"` : ''}
        ${short ? html`class="short"` : ''}
        ${field.maxLength ? html`maxlength="${field.maxLength}"` : ''}
      />`;
    }
  }
  return html`<div class="field ${error ? 'invalid' : ''}">
    <label for="${id}">${field.label}</label>
    ${field.hint ? html`<span class="hint" id="${id}-podpowiedz">${field.hint}</span>` : ''}
    ${error ? html`<span class="field-error" id="${id}-blad">Błąd: ${error}</span>` : ''} ${control}
  </div>`;
}
