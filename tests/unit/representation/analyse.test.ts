import { describe, expect, it } from 'vitest';
import type { Group, Partner, Relationship } from '../../../src-main/contract/partners';
import { analyseRepresentation } from '../../../src-main/features/representation/analyse';

let nextId = 0;
function partner(name: string, fields: Partial<Partner> = {}): Partner {
  return {
    id: `p-${name.toLowerCase().replace(/\W+/g, '-')}-${nextId++}`,
    name,
    kind: 'person',
    sector: 'nonprofit',
    organisationId: null,
    livedExperience: false,
    influence: null,
    interest: null,
    stage: 'engaged',
    email: '',
    phone: '',
    tags: [],
    notes: '',
    ...fields,
  };
}
const organisation = (name: string, sector: string) => partner(name, { kind: 'organisation', sector });

function group(
  name: string,
  members: [Partner, Group['members'][number]['role']][],
  kind: Group['kind'] = 'working_group',
): Group {
  return {
    id: `g-${name.toLowerCase().replace(/\W+/g, '-')}`,
    kind,
    name,
    purpose: '',
    colour: '#1f6f5c',
    members: members.map(([member, role]) => ({ partnerId: member.id, role })),
  };
}

const link = (from: Partner, to: Partner): Relationship => ({
  id: `r-${from.id}-${to.id}`,
  fromId: from.id,
  toId: to.id,
  kind: 'partners_with',
  strength: 2,
  note: '',
  direction: 'directed',
});

describe('representation of a group', () => {
  it('counts seats and those held by people with lived experience', () => {
    const people = Array.from({ length: 9 }, (_, i) => partner(`Person ${i}`, { livedExperience: i < 2 }));
    const report = analyseRepresentation(
      people,
      [
        group(
          'Steering',
          people.map((p) => [p, 'member']),
        ),
      ],
      [],
    );
    expect(report.groups[0]).toMatchObject({ name: 'Steering', seats: 9, livedExperienceSeats: 2 });
  });

  it('lists present sectors and the known ones missing, never "other"', () => {
    const members = [
      partner('Ana', { sector: 'health' }),
      partner('Bo', { sector: 'Education' }),
      partner('Cy', { sector: 'other' }),
      partner('Di', { sector: 'Youth council' }),
      partner('Ed', { sector: 'youth Council' }),
      partner('Fa', { sector: 'Arts' }),
    ];
    const report = analyseRepresentation(
      members,
      [
        group(
          'Youth jobs',
          members.map((p) => [p, 'member']),
        ),
      ],
      [],
    );
    expect(report.groups[0].sectorsPresent).toEqual(['education', 'health', 'other', 'Arts', 'Youth council']);
    expect(report.groups[0].sectorsMissing).toEqual([
      'nonprofit',
      'government',
      'business',
      'philanthropy',
      'faith',
      'community',
      'media',
    ]);
  });

  it('reports no verdict on co-chairs below two', () => {
    const ana = partner('Ana');
    const bo = partner('Bo');
    const report = analyseRepresentation(
      [ana, bo],
      [
        group('None', [[ana, 'member']]),
        group('One', [
          [ana, 'co_chair'],
          [bo, 'member'],
        ]),
      ],
      [],
    );
    expect(report.groups.map((g) => [g.name, g.coChairs, g.coChairsFromDifferentOrganisations])).toEqual([
      ['None', 0, null],
      ['One', 1, null],
    ]);
  });

  it('tells co-chairs from the same organisation apart from co-chairs from two', () => {
    const clinic = organisation('Riverside Clinic', 'health');
    const school = organisation('Hill School', 'education');
    const nurse = partner('Nurse', { organisationId: clinic.id });
    const doctor = partner('Doctor', { organisationId: clinic.id });
    const teacher = partner('Teacher', { organisationId: school.id });
    const resident = partner('Resident', { livedExperience: true });
    const report = analyseRepresentation(
      [clinic, school, nurse, doctor, teacher, resident],
      [
        group('Same', [
          [nurse, 'co_chair'],
          [doctor, 'co_chair'],
        ]),
        // The organisation itself as co-chair and one of its staff: still one organisation.
        group('Org and staff', [
          [clinic, 'co_chair'],
          [nurse, 'co_chair'],
        ]),
        group('Different', [
          [nurse, 'co_chair'],
          [teacher, 'co_chair'],
        ]),
        // A person with no organisation stands for themself.
        group('Resident', [
          [resident, 'co_chair'],
          [doctor, 'co_chair'],
        ]),
        // Three co-chairs, two from the clinic: two organisations are still at the head.
        group('Three', [
          [nurse, 'co_chair'],
          [doctor, 'co_chair'],
          [teacher, 'co_chair'],
          [school, 'member'],
        ]),
      ],
      [],
    );
    const verdicts = Object.fromEntries(report.groups.map((g) => [g.name, g.coChairsFromDifferentOrganisations]));
    expect(verdicts).toEqual({ Same: false, 'Org and staff': false, Different: true, Resident: true, Three: true });
    expect(report.groups.find((g) => g.name === 'Three')?.coChairs).toBe(3);
  });

  it('ignores memberships of deleted partners and repeated memberships', () => {
    const ana = partner('Ana', { livedExperience: true });
    const gone = partner('Gone', { livedExperience: true, sector: 'faith' });
    const steering = group('Steering', [
      [ana, 'co_chair'],
      [ana, 'member'],
      [gone, 'co_chair'],
    ]);
    const report = analyseRepresentation([ana], [steering], [link(ana, gone)]);
    expect(report.groups[0]).toMatchObject({
      seats: 1,
      livedExperienceSeats: 1,
      coChairs: 1,
      sectorsPresent: ['nonprofit'],
    });
    expect(report.bridges).toEqual([]);
  });

  it('counts an empty group as zero seats with every sector missing', () => {
    const report = analyseRepresentation([], [group('Empty', [])], []);
    expect(report.groups[0]).toMatchObject({ seats: 0, livedExperienceSeats: 0, sectorsPresent: [], coChairs: 0 });
    expect(report.groups[0].sectorsMissing).toHaveLength(9);
  });
});

describe('representation of the whole initiative', () => {
  const funder = organisation('Riverside Foundation', 'philanthropy');
  const clinic = organisation('Clinic', 'health');
  const school = organisation('school', 'education');
  const resident = partner('Resident', { livedExperience: true, sector: 'community' });
  const chair = partner('Chair', { organisationId: clinic.id, sector: 'health' });
  const mayor = partner('Mayor', { sector: 'government' });
  const all = [funder, clinic, school, resident, chair, mayor];
  const steering = group(
    'Steering committee',
    [
      [chair, 'co_chair'],
      [mayor, 'co_chair'],
      [resident, 'member'],
    ],
    'steering_committee',
  );
  const youth = group('youth jobs', [
    [resident, 'co_chair'],
    [school, 'co_chair'],
    [chair, 'member'],
  ]);

  const report = analyseRepresentation(
    all,
    [youth, steering],
    [link(funder, clinic), link(funder, school), link(school, resident), link(mayor, resident), link(resident, mayor)],
  );

  it('counts each seated partner once, with their lived experience', () => {
    expect(report.initiative).toMatchObject({ groupId: null, seats: 4, livedExperienceSeats: 1 });
  });

  it("takes the initiative's co-chairs from the steering committee", () => {
    expect(report.initiative).toMatchObject({ coChairs: 2, coChairsFromDifferentOrganisations: true });
  });

  it('looks at every partner for sectors, seated or not', () => {
    expect(report.initiative.sectorsPresent).toEqual([
      'education',
      'health',
      'government',
      'philanthropy',
      'community',
    ]);
    expect(report.initiative.sectorsMissing).toEqual(['nonprofit', 'business', 'faith', 'media']);
  });

  it('lists groups and the partners in no group by name', () => {
    expect(report.groups.map((g) => g.name)).toEqual(['Steering committee', 'youth jobs']);
    expect(report.groups.map((g) => g.groupId)).toEqual([steering.id, youth.id]);
    expect(report.partnersInNoGroup).toEqual([clinic.id, funder.id]);
  });

  it('names the partners whose departure would split the network, by name', () => {
    // funder - clinic, funder - school - resident - mayor: a path with a branch.
    expect(report.bridges).toEqual([resident.id, funder.id, school.id]);
  });

  it('gives an empty report for an empty initiative', () => {
    expect(analyseRepresentation([], [], [])).toEqual({
      initiative: {
        groupId: null,
        name: '',
        seats: 0,
        sectorsPresent: [],
        sectorsMissing: [
          'nonprofit',
          'education',
          'health',
          'government',
          'business',
          'philanthropy',
          'faith',
          'community',
          'media',
        ],
        livedExperienceSeats: 0,
        coChairsFromDifferentOrganisations: null,
        coChairs: 0,
      },
      groups: [],
      partnersInNoGroup: [],
      bridges: [],
    });
  });
});
