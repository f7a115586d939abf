import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { ActionDraft, agendaPurposes, DecisionDraft, decisionMethods, decisionOutcomes } from '../contract/meeting';
import { InitiativeDraft, entityId } from '../contract/models';
import { groupKinds, memberRoles, PartnerDraft } from '../contract/partners';
import { sessionKinds, sessionStatuses } from '../contract/sessions';
import { consentLevels, noteKinds } from '../contract/voice';
import { AppError } from '../contract/result';
import type { InitiativeStore } from '../store/initiative-store';

/*
 * The bundled sample initiative (resources/sample/initiative.json): a fictional town's
 * cradle-to-career partnership with enough in it to show every part of the app. Partners, groups,
 * people and sessions are named in the file and linked by name; everything is written through the
 * repositories, so through the write path, in one batch.
 */

const name = z.string().min(1);
const SampleFile = z.object({
  id: entityId,
  initiative: InitiativeDraft,
  partners: z.array(PartnerDraft.extend({ id: entityId, org: name.nullable().optional() })),
  groups: z.array(
    z.object({
      id: entityId,
      kind: z.enum(groupKinds),
      name,
      purpose: z.string(),
      colour: z.string(),
      members: z.array(z.tuple([name, z.enum(memberRoles)])),
    }),
  ),
  relationships: z.array(
    z.object({ id: entityId, from: name, to: name, kind: name, strength: z.number().int().min(1).max(3) }),
  ),
  themes: z.array(z.object({ id: entityId, name, colour: z.string(), description: z.string() })),
  focusGroups: z.array(
    z.object({
      group: name,
      session: entityId,
      participants: z.array(
        z.object({ id: entityId, pseudonym: name, consent: z.enum(consentLevels), consentDate: z.string() }),
      ),
      notes: z.array(
        z.object({
          key: name,
          participant: name.nullable(),
          kind: z.enum(noteKinds),
          text: name,
          themes: z.array(name),
        }),
      ),
    }),
  ),
  sessions: z.array(
    z.object({
      id: entityId,
      kind: z.enum(sessionKinds),
      title: name,
      group: name,
      facilitator: name.optional(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
      status: z.enum(sessionStatuses),
      agenda: z
        .array(
          z.object({
            title: name,
            timeboxMinutes: z.number().int(),
            purpose: z.enum(agendaPurposes),
            presenter: name,
            notes: z.string().optional(),
          }),
        )
        .default([]),
      invite: z.array(name).default([]),
      present: z.array(name).default([]),
      carry: z.array(name).default([]),
      decisions: z
        .array(
          z.object({
            agendaItem: z.number().int().min(0),
            text: name,
            method: z.enum(decisionMethods),
            tally: z.record(z.string(), z.unknown()).optional(),
            outcome: z.enum(decisionOutcomes),
            rationale: z.string(),
            notes: z.array(name),
          }),
        )
        .default([]),
      actions: z
        .array(
          z.object({
            text: name,
            owner: name,
            dueDate: z.string(),
            status: z.enum(['open', 'done']),
            group: name.nullable(),
          }),
        )
        .default([]),
      parking: z.array(name).default([]),
    }),
  ),
});
export type SampleFile = z.infer<typeof SampleFile>;

export function readSample(resourcesDir: string): SampleFile {
  return SampleFile.parse(JSON.parse(readFileSync(join(resourcesDir, 'sample', 'initiative.json'), 'utf8')));
}

/** A name in the file that points at nothing is a mistake in the file, said plainly. */
function lookup(ids: Map<string, string>, what: string, key: string): string {
  const id = ids.get(key);
  if (!id) throw new AppError('internal', `The sample initiative names ${what} "${key}" that it does not contain.`);
  return id;
}

/** Writes the sample's contents into its freshly created, empty initiative. */
export function fillSample(store: InitiativeStore, sample: SampleFile): void {
  const partnerIds = new Map(sample.partners.map((partner) => [partner.name, partner.id]));
  const partner = (key: string) => lookup(partnerIds, 'a partner', key);
  const groupIds = new Map(sample.groups.map((group) => [group.name, group.id]));
  const group = (key: string) => lookup(groupIds, 'a group', key);
  const themeIds = new Map(sample.themes.map((theme) => [theme.name, theme.id]));
  const noteIds = new Map<string, string>();
  const note = (key: string) => lookup(noteIds, 'a voice note', key);
  // Records the sample file does not name get ids made from the sample's id and their place in the
  // file, so two laptops that each open the sample make the same records and a sync merges them.
  const derived = (key: string) => uuidv5(key, sample.id);

  store.writePath.batch(() => {
    // Organisations first, so that a person can name the organisation they belong to.
    const ordered = [...sample.partners].sort((a, b) => Number(a.kind === 'person') - Number(b.kind === 'person'));
    for (const { id, org, ...draft } of ordered)
      store.partners.create(PartnerDraft.parse({ ...draft, organisationId: org ? partner(org) : null }), id);

    for (const { id, members, ...fields } of sample.groups) {
      store.groups.create(fields, id);
      for (const [member, role] of members) store.groups.setMember(id, partner(member), role);
    }
    for (const link of sample.relationships)
      store.relationships.create(
        {
          fromId: partner(link.from),
          toId: partner(link.to),
          kind: link.kind,
          strength: link.strength,
          note: '',
          direction: 'directed',
        },
        link.id,
      );
    for (const { id, ...theme } of sample.themes) store.themes.create(theme, id);

    for (const session of sample.sessions)
      store.sessions.create(
        {
          kind: session.kind,
          title: session.title,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          place: session.place,
          topic: '',
          groupId: group(session.group),
          facilitatorId: session.facilitator ? partner(session.facilitator) : null,
          status: 'planned',
        },
        session.id,
      );

    for (const focusGroup of sample.focusGroups) {
      const focusGroupId = group(focusGroup.group);
      const pseudonyms = new Map<string, string>();
      for (const { id, ...participant } of focusGroup.participants) {
        store.participants.create({ focusGroupId, ...participant, consentRecordedBy: 'Maria Okafor' }, id);
        pseudonyms.set(participant.pseudonym, id);
      }
      for (const spoken of focusGroup.notes) {
        const draft = store.notes.saveDraft(
          {
            focusGroupId,
            sessionId: focusGroup.session,
            participantId: spoken.participant ? lookup(pseudonyms, 'a participant', spoken.participant) : null,
            kind: spoken.kind,
            text: spoken.text,
            themeIds: spoken.themes.map((theme) => lookup(themeIds, 'a theme', theme)),
          },
          derived(`note:${spoken.key}`),
        );
        noteIds.set(spoken.key, store.notes.capture(draft.id).id);
      }
    }

    for (const session of sample.sessions) {
      const agenda = session.agenda.map((item, index) =>
        store.agenda.add(
          session.id,
          {
            title: item.title,
            timeboxMinutes: item.timeboxMinutes,
            purpose: item.purpose,
            presenterId: partner(item.presenter),
            notes: item.notes ?? '',
          },
          derived(`agenda:${session.id}:${index}`),
        ),
      );
      if (session.invite.length > 0) store.attendance.invite(session.id, session.invite.map(partner), []);
      for (const present of session.present) store.attendance.checkIn(session.id, partner(present), true);
      if (session.carry.length > 0) store.notes.carry(session.id, session.carry.map(note));
      for (const [index, decision] of session.decisions.entries())
        store.decisions.record(
          DecisionDraft.parse({
            sessionId: session.id,
            agendaItemId: agenda[decision.agendaItem]?.id ?? null,
            text: decision.text,
            method: decision.method,
            tally: decision.tally ?? {},
            outcome: decision.outcome,
            rationale: decision.rationale,
            noteIds: decision.notes.map(note),
          }),
          derived(`decision:${session.id}:${index}`),
        );
      for (const [index, action] of session.actions.entries())
        store.actionItems.addAction(
          ActionDraft.parse({
            text: action.text,
            ownerId: partner(action.owner),
            dueDate: action.dueDate,
            status: action.status,
            groupId: action.group ? group(action.group) : null,
            sessionId: session.id,
          }),
          derived(`action:${session.id}:${index}`),
        );
      for (const [index, item] of session.parking.entries())
        store.actionItems.addParking(session.id, item, derived(`parking:${session.id}:${index}`));
      if (session.status !== 'planned') store.sessions.update(session.id, { status: session.status });
    }
  });
}
