import { postJson, type HostFixture } from '../host/host-fixture';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls a channel on a real host and returns its value; a refusal fails the test with its code. */
export async function call<T>(fixture: HostFixture, channel: string, input: unknown): Promise<T> {
  const { body } = await postJson(fixture.host, channel, input);
  const result = body as Envelope<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Calls a channel that must be refused and returns the refusal's code and message. */
export async function refusalOf(
  fixture: HostFixture,
  channel: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const { body } = await postJson(fixture.host, channel, input);
  const result = body as Envelope<unknown>;
  if (result.ok) throw new Error(`${channel} was expected to be refused`);
  return result.error;
}

export async function refusal(fixture: HostFixture, channel: string, input: unknown): Promise<string> {
  return (await refusalOf(fixture, channel, input)).code;
}
