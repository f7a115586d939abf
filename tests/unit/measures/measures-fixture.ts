import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import { makeTempDir } from '../../fixtures/temp-dir';

export interface MeasuresWorld {
  store: InitiativeStore;
  path: string;
  /** Closes the store and opens the same file again, as after a restart. */
  reopen(): InitiativeStore;
  close(): void;
}

/** A real initiative file in a temp folder. */
export function openMeasuresWorld(node = '00000000000000aa'): MeasuresWorld {
  const temp = makeTempDir('common-ground-measures-');
  const id = uuidv7();
  const path = join(temp.dir, `${id}.sqlite`);
  let store = InitiativeStore.open(id, path, node, { create: true });
  store.initiative.save({ name: 'Eastside Cradle to Career' });
  return {
    get store() {
      return store;
    },
    path,
    reopen() {
      store.close();
      store = InitiativeStore.open(id, path, node);
      return store;
    },
    close() {
      store.close();
      temp.cleanup();
    },
  };
}

/** Two dimensions and an indicator split by both: the shape most tests start from. */
export function seedIndicator(store: InitiativeStore) {
  const income = store.measures.dimensions.create({ name: 'Income', categories: ['Low', 'Middle', 'High'] });
  const area = store.measures.dimensions.create({ name: 'Neighbourhood', categories: ['Northside', 'Riverside'] });
  const indicator = store.measures.indicators.create({
    name: 'Kindergarten readiness',
    unit: '%',
    reportingPeriod: 'school_year',
    dimensionIds: [income.id, area.id],
    baseline: { period: '2023/24', value: 54 },
  });
  const [low, middle, high] = income.categories.map((category) => category.id);
  const [north, river] = area.categories.map((category) => category.id);
  return { income, area, indicator, low, middle, high, north, river };
}
