import { describe, expect, it } from 'vitest';
import type { Group, Partner } from '../../../src-main/contract/index';
import { makePartnerQuery, noFilter, tagsInUse } from '../../../src-renderer/features/partners/filters';

let counter = 0;
function partner(name: string, extra: Partial<Partner> = {}): Partner {
  counter++;
  return {
    id: `0193a5b0-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    name,
    kind: 'organisation',
    sector: 'nonprofit',
    organisationId: null,
    livedExperience: false,
    influence: null,
    interest: null,
    stage: 'identified',
    email: '',
    phone: '',
    tags: [],
    notes: '',
    ...extra,
  };
}

const library = partner('Eastside Library', {
  sector: 'education',
  tags: ['literacy'],
  influence: 3,
  stage: 'engaged',
});
const clinic = partner('County Clinic', {
  sector: 'health',
  tags: ['health', 'literacy'],
  influence: 5,
  stage: 'champion',
});
const amina = partner('Amina Yusuf', {
  kind: 'person',
  sector: 'community',
  livedExperience: true,
  notes: 'Parent leader',
});
const all = [library, clinic, amina];
const group: Group = {
  id: '0193a5b0-0000-7000-8000-aaaaaaaaaaaa',
  kind: 'working_group',
  name: 'Early years',
  purpose: '',
  colour: '#1f6f5c',
  members: [{ partnerId: library.id, role: 'co_chair' }],
};
const query = makePartnerQuery(all, [group]);
const names = (partners: Partner[]) => partners.map((p) => p.name);

describe('partner filters', () => {
  it('sorts by name by default, case-insensitively', () => {
    expect(names(query(noFilter, 'name'))).toEqual(['Amina Yusuf', 'County Clinic', 'Eastside Library']);
  });

  it('searches name, tags and notes', () => {
    expect(names(query({ ...noFilter, query: 'LITERACY' }, 'name'))).toEqual(['County Clinic', 'Eastside Library']);
    expect(names(query({ ...noFilter, query: 'parent' }, 'name'))).toEqual(['Amina Yusuf']);
    expect(query({ ...noFilter, query: 'nobody' }, 'name')).toEqual([]);
  });

  it('ignores accents on both sides: "lopez" finds "María López" and "López" finds "Jose Lopez"', () => {
    const maria = partner('María López', { kind: 'person' });
    const jose = partner('Jose Lopez', { kind: 'person' });
    const search = makePartnerQuery([maria, jose, library], []);
    expect(names(search({ ...noFilter, query: 'lopez' }, 'name'))).toEqual(['Jose Lopez', 'María López']);
    expect(names(search({ ...noFilter, query: 'López' }, 'name'))).toEqual(['Jose Lopez', 'María López']);
    expect(names(search({ ...noFilter, query: 'MARIA' }, 'name'))).toEqual(['María López']);
  });

  it('filters by sector, stage, tag, group and lived experience, together', () => {
    expect(names(query({ ...noFilter, sector: 'health' }, 'name'))).toEqual(['County Clinic']);
    expect(names(query({ ...noFilter, stage: 'engaged' }, 'name'))).toEqual(['Eastside Library']);
    expect(names(query({ ...noFilter, tag: 'literacy', sector: 'education' }, 'name'))).toEqual(['Eastside Library']);
    expect(names(query({ ...noFilter, groupId: group.id }, 'name'))).toEqual(['Eastside Library']);
    expect(names(query({ ...noFilter, livedExperienceOnly: true }, 'name'))).toEqual(['Amina Yusuf']);
  });

  it('sorts by influence and stage highest first, unrated last', () => {
    expect(names(query(noFilter, 'influence'))).toEqual(['County Clinic', 'Eastside Library', 'Amina Yusuf']);
    expect(names(query(noFilter, 'stage'))).toEqual(['County Clinic', 'Eastside Library', 'Amina Yusuf']);
  });

  it('lists tags by use', () => {
    expect(tagsInUse(all)).toEqual(['literacy', 'health']);
  });

  it('filters 5,000 partners without reordering the input', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      partner(`Partner ${5000 - i}`, { sector: i % 2 ? 'health' : 'education' }),
    );
    const copy = [...many];
    const result = makePartnerQuery(many, [])({ ...noFilter, sector: 'health' }, 'name');
    expect(result).toHaveLength(2500);
    expect(many).toEqual(copy);
  });
});
