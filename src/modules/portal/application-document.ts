import type { PortalSubmissionFile } from '../../platform/db/schema.ts';
import {
  allFields,
  displayValue,
  type FieldValues,
  type FormDefinition,
} from './forms/form-fields.ts';
import { warsawDisplay, warsawIso } from './portal-time.ts';
import { escapeXml } from './xml-text.ts';

/** Namespace of the portal's application documents (own format; the values follow the form). */
export const APPLICATION_NS = 'urn:obieg:portal:wniosek:1';

export interface ApplicationContent {
  form: FormDefinition;
  values: FieldValues;
  officeName: string;
  submittedAt: Date;
  attachments: ReadonlyArray<
    Pick<PortalSubmissionFile, 'name' | 'sha256' | 'sizeBytes' | 'contentType'>
  >;
}

/**
 * The application as the citizen submitted it: every field with its label and value, and each
 * attachment with its SHA-256, so that the one digest of this document (certified by the
 * acknowledgement) covers the attachments too.
 */
export function buildApplicationXml(content: ApplicationContent): string {
  const fields = allFields(content.form)
    .filter((field) => content.values[field.name] !== undefined)
    .map((field) => {
      const value = content.values[field.name]!;
      return `    <pole nazwa="${escapeXml(field.name)}" etykieta="${escapeXml(field.label)}">${escapeXml(displayValue(field, value))}</pole>`;
    });
  const attachments = content.attachments.map(
    (file) =>
      `    <zalacznik nazwa="${escapeXml(file.name)}" typ="${escapeXml(file.contentType)}" rozmiar="${file.sizeBytes}" sha256="${file.sha256}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<wniosek xmlns="${APPLICATION_NS}" formularz="${escapeXml(content.form.id)}" wersja="${content.form.version}">`,
    `  <tytul>${escapeXml(content.form.title)}</tytul>`,
    `  <adresat>${escapeXml(content.officeName)}</adresat>`,
    `  <dataZlozenia>${warsawIso(content.submittedAt)}</dataZlozenia>`,
    '  <pola>',
    ...fields,
    '  </pola>',
    '  <zalaczniki>',
    ...attachments,
    '  </zalaczniki>',
    '</wniosek>',
    '',
  ].join('\n');
}

/** A printable copy of the application for the case file and for reading it on screen. */
export async function renderApplicationPdf(content: ApplicationContent): Promise<Uint8Array> {
  // pdf-lib loads with the first PDF a process renders (see bin/server-bundle.js).
  const { renderPortalPdf } = await import('./portal-pdf.ts');
  return renderPortalPdf({
    officeName: content.officeName,
    title: content.form.title,
    createdAt: content.submittedAt,
    sections: [
      {
        rows: [['Złożono przez portal mieszkańca', warsawDisplay(content.submittedAt)]],
      },
      ...content.form.sections.map((section) => ({
        heading: section.title,
        rows: section.fields
          .filter((field) => content.values[field.name] !== undefined)
          .map((field) => [field.label, displayValue(field, content.values[field.name]!)] as const),
      })),
      {
        heading: 'Załączniki',
        paragraphs:
          content.attachments.length === 0
            ? ['Brak załączników.']
            : content.attachments.map(
                (file, index) =>
                  `${index + 1}. ${file.name} (${file.sizeBytes} B), SHA-256: ${file.sha256}`,
              ),
      },
    ],
  });
}
