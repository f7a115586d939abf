import { describe, expect, it } from 'vitest';
import type { Collaboration } from '../../../src-main/contract/readiness';
import { goalWords, tablesReport } from '../../../src-main/features/readiness/other-tables';
import { openReadinessWorld } from './readiness-fixture';

const ids = ['0190a000-0000-7000-8000-00000000000a', '0190a000-0000-7000-8000-00000000000b'];
const table = (name: string, goal: string, partnerIds: string[]): Collaboration => ({
  id: `0190a000-0000-7000-8000-${String(name.length).padStart(12, '0')}`,
  name,
  goal,
  convener: '',
  partnerIds,
});
const names = new Map([
  [ids[0], 'Eastside Library'],
  [ids[1], 'Northside Clinic'],
]);

describe('other tables in town', () => {
  it('folds case and accents and leaves out short and common words', () => {
    expect([...goalWords('Éducation pour tous les enfants, with every child')].sort()).toEqual([
      'child',
      'education',
      'enfants',
    ]);
  });

  it('names partners on two or more tables, and goals that share two meaningful words', () => {
    const report = tablesReport(
      [
        table('Ready by Five', 'Every child ready for kindergarten', [ids[0], ids[1]]),
        table('Early Literacy Network', 'Children reading and ready for kindergarten', [ids[0]]),
        table('Healthy Northside', 'Fewer asthma visits', [ids[1]]),
      ],
      (id) => names.get(id) ?? null,
    );
    expect(report.busyPartners).toEqual([
      { partnerId: ids[0], name: 'Eastside Library', tables: ['Early Literacy Network', 'Ready by Five'] },
      { partnerId: ids[1], name: 'Northside Clinic', tables: ['Healthy Northside', 'Ready by Five'] },
    ]);
    expect(report.overlaps).toEqual([
      {
        first: 'Ready by Five',
        second: 'Early Literacy Network',
        sharedWords: ['kindergarten', 'ready'],
        sharedPartners: 1,
      },
    ]);
  });

  it('are kept through the write path and refuse a partner of another initiative', () => {
    const world = openReadinessWorld();
    try {
      const partner = world.store.partners.create({ name: 'Eastside Library' });
      world.store.readiness.tables.create({
        name: 'Ready by Five',
        goal: 'Every child ready',
        partnerIds: [partner.id],
      });
      expect(world.reopen().readiness.tables.list()).toMatchObject([
        { name: 'Ready by Five', partnerIds: [partner.id] },
      ]);
      expect(() => world.store.readiness.tables.create({ name: 'x', partnerIds: [ids[0]] })).toThrow(/not in this/);
    } finally {
      world.close();
    }
  });
});
