import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { levelOutOfFive } from '../../contract/readiness';
import { figure, ratedByGap, sheetLine, type ReadinessReport } from './report';

/**
 * The readiness report as a Word document partners can edit: the same three tables as the PDF, with
 * the figures written out (Word has no bars); Arabic paragraphs marked right to left.
 */
export async function readinessReportDocx(report: ReadinessReport): Promise<Uint8Array> {
  const { t, locale, results } = report;
  const rtl = report.direction === 'rtl';
  const para = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel], bold = false) =>
    new Paragraph({ children: [new TextRun({ text, rightToLeft: rtl, bold })], bidirectional: rtl, heading });
  const cell = (text: string, bold = false, columnSpan = 1) =>
    new TableCell({ children: [para(text, undefined, bold)], columnSpan });
  const table = (header: string[], rows: TableCell[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
        ...rows.map((children) => new TableRow({ children })),
      ],
    });
  const rated = ratedByGap(report);
  const name = (itemId: string) => report.itemText.get(itemId) ?? '';
  const hasPrevious = results.previousRoundId !== null;

  const children: (Paragraph | Table)[] = [
    para(`${t('title')}: ${report.instrument}`, HeadingLevel.TITLE),
    para(`${report.initiative} · ${t('round')}: ${report.round} · ${t('heldOn')}: ${report.heldOn}`),
    para(sheetLine(report)),
  ];
  if (report.ratesImportance)
    children.push(
      para(t('gapTitle'), HeadingLevel.HEADING_2),
      table(
        [t('item'), t('importance'), t('done'), t('gap'), ...(hasPrevious ? [t('change')] : [])],
        rated.map((item) => [
          cell(name(item.itemId)),
          cell(figure(item.meanImportance, locale)),
          cell(figure(item.meanLevel === null ? null : levelOutOfFive(item.meanLevel), locale)),
          cell(figure(item.gap, locale, true)),
          ...(hasPrevious ? [cell(figure(item.change, locale, true))] : []),
        ]),
      ),
    );
  children.push(
    para(t('spreadTitle'), HeadingLevel.HEADING_2),
    table(
      [t('item'), '1', '2', '3', '4', t('average')],
      rated.map((item) => [
        cell(name(item.itemId)),
        ...item.spread.map((count) => cell(String(count))),
        cell(figure(item.meanLevel, locale)),
      ]),
    ),
    para(t('differTitle'), HeadingLevel.HEADING_2),
    table(
      [t('item'), t('residents'), t('agencies'), t('difference')],
      rated.map((item) =>
        item.residents.shown && item.agencies.shown
          ? [
              cell(name(item.itemId)),
              cell(figure(item.residents.meanLevel, locale)),
              cell(figure(item.agencies.meanLevel, locale)),
              cell(figure(item.difference, locale, true)),
            ]
          : [cell(name(item.itemId)), cell(t('notApart'), false, 3)],
      ),
    ),
  );
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
