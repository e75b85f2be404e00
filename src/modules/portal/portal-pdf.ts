import { PDFDocument, rgb } from 'pdf-lib';
import { embedLetterFonts } from '../templates/letter-fonts.ts';
import {
  FULL_WIDTH,
  MARGIN,
  PAGE_HEIGHT,
  PageFlow,
  type TextStyle,
} from '../templates/page-flow.ts';

/**
 * A plain A4 document of the portal (the acknowledgement, the printable copy of an application):
 * the office at the top, a title, then sections of labelled values and paragraphs, in the
 * embedded DejaVu font the letters use, so Polish characters always print.
 */
export interface PortalPdf {
  officeName: string;
  title: string;
  sections: ReadonlyArray<{
    heading?: string;
    rows?: ReadonlyArray<readonly [label: string, value: string]>;
    paragraphs?: ReadonlyArray<string>;
  }>;
  createdAt: Date;
}

const GREY = rgb(0.3, 0.3, 0.3);

export async function renderPortalPdf(input: PortalPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(input.title);
  doc.setAuthor(input.officeName);
  doc.setLanguage('pl-PL');
  doc.setCreator('Obieg – portal mieszkańca');
  doc.setProducer('Obieg (pdf-lib)');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  const fonts = await embedLetterFonts(doc);
  const style = (bold: boolean, size: number, extra: Partial<TextStyle> = {}): TextStyle => ({
    font: bold ? fonts.bold : fonts.regular,
    size,
    lineHeight: size * 1.35,
    align: 'left',
    ...extra,
  });
  const styles = {
    office: style(true, 11),
    title: style(true, 15),
    heading: style(true, 12),
    label: style(false, 9, { color: GREY }),
    value: style(false, 11),
    paragraph: style(false, 11),
  };
  const flow = new PageFlow(doc, () => PAGE_HEIGHT - MARGIN.top);
  flow.write(input.officeName, styles.office);
  flow.space(14);
  flow.write(input.title, styles.title);
  for (const section of input.sections) {
    flow.space(14);
    if (section.heading) {
      flow.keepSpace(styles.heading.lineHeight + 2 * styles.value.lineHeight);
      flow.write(section.heading, styles.heading);
      flow.space(4);
    }
    for (const [label, value] of section.rows ?? []) {
      flow.keepSpace(styles.label.lineHeight + styles.value.lineHeight);
      flow.write(label, styles.label, FULL_WIDTH);
      flow.write(value || '—', styles.value, FULL_WIDTH);
      flow.space(4);
    }
    for (const paragraph of section.paragraphs ?? []) {
      flow.write(paragraph, styles.paragraph, FULL_WIDTH);
      flow.space(6);
    }
  }
  return doc.save({ useObjectStreams: false });
}
