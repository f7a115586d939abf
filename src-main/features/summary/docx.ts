import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { SessionSummary } from '../../contract/summary';
import { apologyLines, redactionLines, sectionNotes, sectorName, tallyText } from './html';
import { learningBlocks } from './learning-text';
import { dataItemsText } from './data-items-text';
import { hasScorecard, scorecardText, type ScorecardTable } from './scorecard-text';
import { formatWhen, translator } from './text';

/**
 * The summary as a Word document with real headings, lists and a table, so partners can edit and
 * file it. Arabic paragraphs and runs are marked right to left (bidi), as Word expects.
 */
export async function summaryDocx(summary: SessionSummary): Promise<Uint8Array> {
  const t = translator(summary.language);
  const rtl = summary.direction === 'rtl';
  const when = (value: string) => formatWhen(summary.language, value);
  const run = (text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
    new TextRun({ text, rightToLeft: rtl, ...options });
  const para = (
    children: TextRun[] | string,
    options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bullet?: boolean } = {},
  ) =>
    new Paragraph({
      children: typeof children === 'string' ? [run(children)] : children,
      bidirectional: rtl,
      heading: options.heading,
      bullet: options.bullet ? { level: 0 } : undefined,
    });
  const h = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
    para(text, { heading: level });
  const bullet = (text: string) => para(text, { bullet: true });
  const muted = (text: string) => para([run(text, { italics: true, color: '5B6660' })]);
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [para([run(text, { bold })])],
      borders: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'D6DDD9' } },
    });
  const { session, attendance } = summary;

  const body: (Paragraph | Table)[] = [
    muted(`${t('title')} · ${t(`sessionKinds.${session.kind}`)}`),
    h(session.title, HeadingLevel.TITLE),
  ];
  if (summary.partner) body.push(para([run(t('forPartner', { name: summary.partner.name }), { bold: true })]));
  for (const [label, value] of [
    [t('initiative'), summary.initiativeName],
    [t('date'), when(session.startsAt)],
    [t('place'), session.place],
    [t('heldBy'), session.groupName],
    [t('topic'), session.topic],
  ])
    if (value) body.push(para([run(`${label}: `, { bold: true }), run(value)]));

  body.push(
    h(t('attendance')),
    para(
      `${t('present', { count: attendance.present })}; ${t('livedExperience', { count: attendance.livedExperience })}.`,
    ),
  );
  body.push(h(t('organisations'), HeadingLevel.HEADING_3));
  for (const org of attendance.organisations)
    body.push(bullet(`${org.name} (${sectorName(t, org.sector)}, ${org.people})`));
  body.push(h(t('sectors'), HeadingLevel.HEADING_3));
  for (const entry of attendance.sectors) body.push(bullet(`${sectorName(t, entry.sector)}: ${entry.people}`));
  if (attendance.named.length) {
    body.push(h(t('people'), HeadingLevel.HEADING_3));
    for (const person of attendance.named)
      body.push(bullet(person.organisation ? `${person.name} (${person.organisation})` : person.name));
  }

  if (apologyLines(t, summary).length) {
    body.push(h(t('apologies'), HeadingLevel.HEADING_3));
    for (const line of apologyLines(t, summary)) body.push(bullet(line));
  }

  body.push(h(t('agenda')));
  summary.agenda.forEach((item, index) => {
    body.push(
      para(
        `${index + 1}. ${item.title} (${t(`purposes.${item.purpose}`)}, ${t('minutes', { minutes: item.timeboxMinutes })})`,
      ),
    );
    if (item.notes) body.push(muted(item.notes));
  });

  if (summary.dataItems.length) {
    const text = dataItemsText(t, summary);
    body.push(h(text.heading));
    for (const item of text.items) {
      body.push(h(item.heading, HeadingLevel.HEADING_3), muted(item.agendaItem));
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          visuallyRightToLeft: rtl,
          rows: [item.figures.columns, ...item.figures.rows].map(
            (row, index) =>
              new TableRow({
                tableHeader: index === 0,
                cantSplit: true,
                children: row.map((value) => cell(value, index === 0)),
              }),
          ),
        }),
      );
      for (const line of item.context) body.push(para(line));
      for (const list of item.lists) body.push(para(list.label), ...list.entries.map(bullet));
      if (item.quotes.length) body.push(muted(item.voiceLabel));
      for (const quote of item.quotes)
        body.push(para([run(`“${quote.text}” `, { italics: true }), run(`— ${quote.by}`, { color: '5B6660' })]));
    }
  }

  body.push(h(t('decisions')));
  for (const decision of summary.decisions) {
    const tally = tallyText(t, decision);
    body.push(para([run(decision.text, { bold: true })]));
    if (decision.agendaItem) body.push(muted(`${t('agendaItem')}: ${decision.agendaItem}`));
    body.push(para(`${t('method')}: ${t(`methods.${decision.method}`)}${tally ? ` — ${t('tally')}: ${tally}` : ''}`));
    body.push(para([run(`${t('outcome')}: `), run(t(`outcomes.${decision.outcome}`), { bold: true })]));
    if (decision.rationale) body.push(para(`${t('rationale')}: ${decision.rationale}`));
    if (decision.voices.length) body.push(muted(t('voices')));
    for (const voice of decision.voices)
      body.push(
        para([
          run(`“${voice.text}” `, { italics: true }),
          run(`— ${voice.pseudonym ?? t('anonymous')}`, { color: '5B6660' }),
        ]),
      );
  }

  for (const line of sectionNotes(t, summary, 'decisions')) body.push(muted(line));

  body.push(h(t('actions')));
  if (summary.actions.length) {
    const header = [t('action'), t('owner'), t('due'), t('group'), t('status')];
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        visuallyRightToLeft: rtl,
        rows: [
          new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
          ...summary.actions.map(
            (action) =>
              new TableRow({
                cantSplit: true,
                children: [
                  cell(action.text),
                  cell(action.owner || t('unassigned')),
                  cell(action.dueDate ? when(action.dueDate) : t('noDate')),
                  cell(action.group),
                  cell(t(`statuses.${action.status}`)),
                ],
              }),
          ),
        ],
      }),
    );
  }
  for (const line of sectionNotes(t, summary, 'actions')) body.push(muted(line));

  const table = ({ columns, rows }: ScorecardTable) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: columns.map((value) => cell(value, true)) }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value)) })),
      ],
    });
  if (hasScorecard(summary.scorecard)) {
    const text = scorecardText(t, summary.language, summary.scorecard);
    body.push(h(text.heading));
    if (text.overview) body.push(table(text.overview));
    for (const group of text.byGroup) body.push(h(group.heading, HeadingLevel.HEADING_3), table(group.table));
    for (const note of text.notes) body.push(muted(note));
  }

  for (const block of learningBlocks(t, summary.language, summary.learning)) {
    if (block.kind === 'heading') body.push(h(block.text));
    else if (block.kind === 'subheading') body.push(h(block.text, HeadingLevel.HEADING_3));
    else if (block.kind === 'paragraph') body.push(para(block.text));
    else if (block.kind === 'note') body.push(muted(block.text));
    else if (block.kind === 'bullet') body.push(bullet(block.text));
    else if (block.kind === 'quote')
      body.push(para([run(`“${block.text}” `, { italics: true }), run(`— ${block.by}`, { color: '5B6660' })]));
    else if (block.kind === 'table') body.push(table(block.table));
  }

  body.push(h(t('parking')));
  if (!summary.parking.length) body.push(muted(t('noParking')));
  for (const item of summary.parking)
    body.push(bullet(item.movedTo ? `${item.text} (${t('movedTo', { title: item.movedTo })})` : item.text));
  body.push(h(t('next')));
  const next = summary.nextSession;
  body.push(
    next ? para(`${next.title}: ${when(next.startsAt)}${next.place ? `, ${next.place}` : ''}`) : muted(t('noNext')),
  );
  body.push(h(t('redactions')));
  const withheld = redactionLines(t, summary);
  if (!withheld.length) body.push(muted(t('nothingWithheld')));
  for (const line of withheld) body.push(bullet(line));
  body.push(
    new Paragraph({
      children: [run(t('footer'), { italics: true, color: '5B6660' })],
      bidirectional: rtl,
      alignment: AlignmentType.START,
    }),
  );

  const document = new Document({
    creator: 'Common Ground',
    title: `${session.title} — ${t('title')}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
