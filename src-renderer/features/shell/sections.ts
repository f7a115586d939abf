/** The app's sections, in navigation order; the key is also the i18n key under nav.* */
export const sections = [
  'partners',
  'map',
  'focusGroups',
  'sessions',
  'measures',
  'export',
  'settings',
  'readiness',
] as const;
export type Section = (typeof sections)[number];

export const sectionLabelKey: Record<Section, string> = {
  partners: 'nav.partners',
  map: 'nav.map',
  focusGroups: 'nav.focusGroups',
  sessions: 'nav.sessions',
  export: 'nav.export',
  settings: 'nav.settings',
  measures: 'nav.measures',
  readiness: 'nav.readiness',
};
