import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../src-main/contract/channels';

// The preload imports electron, so it cannot run under Node; its text is what is checked.
const source = readFileSync(join(import.meta.dirname, '..', '..', '..', 'src-main', 'preload.ts'), 'utf8');
const namedFunction = /^\s*'([^']+)':\s*\(input\)\s*=>\s*ipcRenderer\.invoke\('([^']+)',\s*input\),?\s*$/;

const bindings = source
  .split('\n')
  .map((line) => namedFunction.exec(line))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, key, invoked]) => ({ key, invoked }));

describe('preload', () => {
  it('binds each function to the channel of the same name', () => {
    expect(bindings.length).toBeGreaterThan(0);
    for (const { key, invoked } of bindings) expect(invoked, key).toBe(key);
  });

  it('exposes exactly the contract channels, each once', () => {
    const keys = bindings.map(({ key }) => key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(channels).sort());
  });

  it('has no invoke other than the named functions', () => {
    const invokeCount = source.match(/ipcRenderer\.invoke\(/g)?.length ?? 0;
    expect(invokeCount).toBe(bindings.length);
    expect(source).not.toMatch(/ipcRenderer\.invoke\(\s*[a-zA-Z_`$]/);
    expect(source).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(/);
  });

  it('puts only the typed api on window, never ipcRenderer itself', () => {
    const exposures = [...source.matchAll(/contextBridge\.exposeInMainWorld\(([^)]*)\)/g)].map((match) => match[1]);
    expect(exposures).toEqual(["'api', api"]);
    expect(source).toMatch(/satisfies ChannelFunctions/);
  });
});
