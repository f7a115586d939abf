import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import { makeTempDir } from '../../fixtures/temp-dir';

/** A real initiative file in a temp folder; reopen() opens the same file again, as after a restart. */
export function openReadinessWorld(node = '00000000000000aa') {
  const temp = makeTempDir('common-ground-readiness-');
  const id = uuidv7();
  const path = join(temp.dir, `${id}.sqlite`);
  let store = InitiativeStore.open(id, path, node, { create: true });
  store.initiative.save({ name: 'Eastside Cradle to Career', phase: 'assess_readiness' });
  return {
    get store() {
      return store;
    },
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
