import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appFolderName,
  dataDirEnv,
  defaultDataDir,
  flagValue,
  resolveBackupPolicy,
  resolveDataDir,
} from '../../../src-main/data-dir';

const node = ['/usr/bin/node', 'cli.ts'];

describe('resolveDataDir', () => {
  it('takes --data-dir PATH over the environment variable', () => {
    expect(resolveDataDir([...node, '--data-dir', '/flag/dir'], { [dataDirEnv]: '/env/dir' })).toBe('/flag/dir');
  });

  it('takes --data-dir=PATH over the environment variable', () => {
    expect(resolveDataDir([...node, '--data-dir=/flag/eq'], { [dataDirEnv]: '/env/dir' })).toBe('/flag/eq');
  });

  it('finds the flag among other arguments and resolves a relative path against the working folder', () => {
    expect(resolveDataDir([...node, '--port', '0', '--data-dir', 'rel/data', '--verbose'], {})).toBe(
      resolve('rel/data'),
    );
    expect(resolveDataDir([...node, '--data-dir=rel/eq'], {})).toBe(resolve('rel/eq'));
  });

  it('takes the environment variable over the default', () => {
    expect(resolveDataDir(node, { [dataDirEnv]: '/env/dir', XDG_CONFIG_HOME: '/xdg' })).toBe('/env/dir');
    expect(resolveDataDir(node, { [dataDirEnv]: 'env-relative' })).toBe(resolve('env-relative'));
  });

  it('falls back to the platform default when neither is given, or both are empty', () => {
    const env = { XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' };
    expect(resolveDataDir(node, env)).toBe(defaultDataDir(process.platform, env));
    expect(resolveDataDir([...node, '--data-dir='], { ...env, [dataDirEnv]: '' })).toBe(
      defaultDataDir(process.platform, env),
    );
    expect(resolveDataDir([...node, '--data-dir'], env)).toBe(defaultDataDir(process.platform, env));
  });

  it('an empty flag value leaves the choice to the environment variable', () => {
    expect(resolveDataDir([...node, '--data-dir='], { [dataDirEnv]: '/env/dir' })).toBe('/env/dir');
  });

  it('does not mistake a longer flag for --data-dir', () => {
    expect(resolveDataDir([...node, '--data-dir-extra=/nope'], { [dataDirEnv]: '/env/dir' })).toBe('/env/dir');
  });
});

describe('flagValue', () => {
  it('reads the first occurrence in either form', () => {
    expect(flagValue(['--port', '8080'], '--port')).toBe('8080');
    expect(flagValue(['--port=8080', '--port', '9090'], '--port')).toBe('8080');
    expect(flagValue(['--port=a=b'], '--port')).toBe('a=b');
    expect(flagValue(['--portable'], '--port')).toBeUndefined();
    expect(flagValue([], '--port')).toBeUndefined();
    // A flag followed by another flag has no value (it is not taken as the folder name).
    expect(flagValue(['--data-dir', '--port', '8080'], '--data-dir')).toBeUndefined();
  });
});

describe('defaultDataDir', () => {
  it('uses APPDATA on Windows, or the roaming folder under home when it is unset', () => {
    expect(defaultDataDir('win32', { APPDATA: '/roaming' })).toBe(join('/roaming', appFolderName));
    expect(defaultDataDir('win32', {})).toBe(join(homedir(), 'AppData', 'Roaming', appFolderName));
  });

  it('uses Application Support on macOS, whatever the environment says', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/xdg', APPDATA: '/roaming' })).toBe(
      join(homedir(), 'Library', 'Application Support', appFolderName),
    );
  });

  it('uses XDG_CONFIG_HOME on Linux, or ~/.config when it is unset', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', appFolderName));
    expect(defaultDataDir('linux', {})).toBe(join(homedir(), '.config', appFolderName));
    expect(defaultDataDir('freebsd', {})).toBe(join(homedir(), '.config', appFolderName));
  });

  it('is the folder Electron names after the product', () => {
    expect(appFolderName).toBe('Common Ground');
  });
});

describe('resolveBackupPolicy', () => {
  it('takes flags over the environment and ignores anything that is not a positive whole number', () => {
    expect(resolveBackupPolicy([], {})).toEqual({});
    expect(
      resolveBackupPolicy(['--backup-every', '5', '--backup-keep=20'], { COMMON_GROUND_BACKUP_EVERY: '30' }),
    ).toEqual({ everyMinutes: 5, keep: 20 });
    expect(resolveBackupPolicy([], { COMMON_GROUND_BACKUP_EVERY: '30', COMMON_GROUND_BACKUP_KEEP: '3' })).toEqual({
      everyMinutes: 30,
      keep: 3,
    });
    for (const bad of ['0', '-1', '2.5', 'ten', '']) {
      expect(resolveBackupPolicy(['--backup-every', bad], {}), bad).toEqual({});
    }
  });
});
