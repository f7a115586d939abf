import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** Locators for the constellation map, in the words a facilitator sees. */
export class MapPage {
  readonly canvas: Locator;
  readonly search: Locator;
  readonly panel: Locator;
  /** The drawing of the whole map under the nodes; it says how many partners it drew. */
  readonly overview: Locator;
  /** Partners that are nodes a person can focus and drag (only those in view, close in). */
  readonly partnerNodes: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByRole('application');
    // A search box with suggestions is a combobox to assistive technology.
    this.search = page.getByRole('combobox', { name: 'Find a partner on the map' });
    this.panel = page.getByRole('complementary', { name: 'Map filters and legend' });
    this.overview = page.getByTestId('map-overview');
    this.partnerNodes = this.canvas.locator('.react-flow__node-partner');
  }

  /** Finds a partner with the map's search, which centres the map on it close enough to read. */
  async find(name: string): Promise<void> {
    await this.search.fill(name);
    await this.search.press('Enter');
    await expect(this.node(name)).toBeVisible();
    await expect.poll(() => this.offCentre(name)).toBeLessThan(12);
  }

  /** A partner, group or the agenda on the map, by the name it shows. */
  node(name: string): Locator {
    return this.canvas.getByRole('group', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The node's place on the map itself (not on screen), from the transform React Flow gives it. */
  async mapPosition(name: string): Promise<{ x: number; y: number }> {
    const transform = await this.node(name).evaluate((element) => (element as HTMLElement).style.transform);
    const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
    if (!match) throw new Error(`no position in "${transform}"`);
    return { x: Number(match[1]), y: Number(match[2]) };
  }

  async dragBy(name: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(name).boundingBox();
    if (!box) throw new Error(`${name} is not on screen`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  /** How far, in screen pixels, the node's centre is from the centre of the map area. */
  async offCentre(name: string): Promise<number> {
    const [node, canvas] = await Promise.all([this.node(name).boundingBox(), this.canvas.boundingBox()]);
    if (!node || !canvas) return Infinity;
    return Math.hypot(
      node.x + node.width / 2 - (canvas.x + canvas.width / 2),
      node.y + node.height / 2 - (canvas.y + canvas.height / 2),
    );
  }

  /** Presses an export button and returns the downloaded file. */
  async exportFile(button: 'Export PNG' | 'Export SVG'): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.button(button).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  async expectShown(names: string[]): Promise<void> {
    for (const name of names) await expect(this.node(name)).toBeVisible();
  }
}

export interface SeedPartner {
  name: string;
  sector: string;
  kind?: 'organisation' | 'person';
  livedExperience?: boolean;
}
export interface SeedGroup {
  name: string;
  kind: string;
  members: { partner: string; role: 'co_chair' | 'member' | 'staff' | 'liaison' }[];
}

/** Sets up an initiative through the host's API, as a facilitator would have through the screens. */
export async function seedInitiative(
  request: APIRequestContext,
  host: { url: string; token: string },
  name: string,
  partners: SeedPartner[],
  groups: SeedGroup[] = [],
  relationships: { from: string; to: string; kind: string; strength?: number }[] = [],
): Promise<{ initiativeId: string; ids: Map<string, string> }> {
  const headers = { Authorization: `Bearer ${host.token}` };
  async function post<T>(channel: string, data: unknown): Promise<T> {
    const response = await request.post(`${host.url}/api/${channel}`, { data, headers });
    const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
    if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
    return body.value;
  }
  const { id: initiativeId } = await post<{ id: string }>('initiatives.create', { name });
  const ids = new Map<string, string>();
  for (const partner of partners) {
    const created = await post<{ id: string }>('partners.create', { initiativeId, partner });
    ids.set(partner.name, created.id);
  }
  for (const group of groups) {
    const created = await post<{ id: string }>('groups.create', {
      initiativeId,
      group: { name: group.name, kind: group.kind },
    });
    ids.set(group.name, created.id);
    for (const member of group.members)
      await post('groups.setMember', {
        initiativeId,
        groupId: created.id,
        partnerId: ids.get(member.partner),
        role: member.role,
      });
  }
  for (const link of relationships)
    await post('relationships.create', {
      initiativeId,
      relationship: {
        fromId: ids.get(link.from),
        toId: ids.get(link.to),
        kind: link.kind,
        strength: link.strength ?? 2,
      },
    });
  return { initiativeId, ids };
}
