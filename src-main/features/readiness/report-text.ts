import type { Locale } from '../../contract/models';

/**
 * The words of the readiness report, written in main in the reader's language. They live here,
 * not in the renderer's locale files, because only the report uses them.
 */
const words = {
  title: ['Readiness report', 'Informe de preparación', 'Rapport de préparation', 'تقرير الجاهزية'],
  round: ['Round', 'Ronda', 'Tour', 'الجولة'],
  heldOn: ['Held on', 'Fecha', 'Date', 'التاريخ'],
  sheets: ['Rating sheets', 'Hojas de puntuación', 'Fiches de notes', 'أوراق التقييم'],
  residents: [
    'Residents (lived experience)',
    'Residentes (experiencia vivida)',
    'Habitants (expérience vécue)',
    'السكان (تجربة معاشة)',
  ],
  agencies: ['Agencies and others', 'Organizaciones y otros', 'Organismes et autres', 'المؤسسات وغيرها'],
  notApart: [
    'Not shown separately: fewer than three raters in one of the groups.',
    'No se muestra por separado: menos de tres personas en uno de los grupos.',
    'Non montré à part : moins de trois personnes dans l’un des groupes.',
    'لا يُعرض بشكل منفصل: أقل من ثلاثة مُقيِّمين في إحدى المجموعتين.',
  ],
  gapTitle: [
    'How much it matters against how well it is done (out of 5)',
    'Cuánto importa frente a qué tan bien se hace (sobre 5)',
    'Importance face à ce qui est fait (sur 5)',
    'الأهمية مقابل جودة التنفيذ (من 5)',
  ],
  item: ['Item', 'Pregunta', 'Question', 'البند'],
  importance: ['Importance', 'Importancia', 'Importance', 'الأهمية'],
  done: ['How well it is done', 'Qué tan bien se hace', 'Ce qui est fait', 'جودة التنفيذ'],
  gap: ['Gap', 'Brecha', 'Écart', 'الفجوة'],
  change: [
    'Change since last round',
    'Cambio desde la ronda anterior',
    'Évolution depuis le dernier tour',
    'التغير منذ الجولة السابقة',
  ],
  spreadTitle: [
    'How the ratings spread (levels 1 to 4)',
    'Cómo se reparten las puntuaciones (niveles 1 a 4)',
    'Répartition des notes (niveaux 1 à 4)',
    'توزيع التقييمات (المستويات 1 إلى 4)',
  ],
  average: ['Average', 'Promedio', 'Moyenne', 'المتوسط'],
  differTitle: [
    'Where residents and agencies see it differently',
    'Dónde residentes y organizaciones lo ven distinto',
    'Là où habitants et organismes voient les choses autrement',
    'أين يختلف رأي السكان عن المؤسسات',
  ],
  difference: ['Difference', 'Diferencia', 'Différence', 'الفرق'],
  fileName: ['readiness', 'preparacion', 'preparation', 'الجاهزية'],
} as const;

export type ReportWord = keyof typeof words;
const order: Record<Locale, number> = { en: 0, es: 1, fr: 2, ar: 3 };

export function reportWords(locale: Locale): (word: ReportWord) => string {
  return (word) => words[word][order[locale]];
}
