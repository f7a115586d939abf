import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/index';
import type { LanHubStatus } from '../../../src-main/contract/lan-hub';
import { minPassphraseChars } from '../../../src-main/contract/sync';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { TeamPassphraseField } from './TeamPassphraseField';
import { describeError } from '../../i18n/index';
import './lan-hub.css';

interface LanHubPanelProps {
  initiativeId: string;
  /** The team passphrase is set for this initiative: without it there is nothing to host. */
  configured: boolean;
  /** Called after anything that changes the sync status above (joined, synced). */
  onChange: () => void;
}

/** The roundtable code as a QR code: the path's unit squares on a white square with its quiet zone. */
function QrCode({ qr, label }: { qr: LanHubStatus['endpoints'][number]['qr']; label: string }) {
  return (
    <svg
      className="lan-hub__qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}

/**
 * Settings → Sync → roundtable hub: this laptop hosts a hub on the room's network (off until the
 * facilitator turns it on, with the code to read aloud and its QR code), or joins one by its code.
 */
export function LanHubPanel({ initiativeId, configured, onChange }: LanHubPanelProps) {
  const { t } = useTranslation();
  const [hub, setHub] = useState<LanHubStatus | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the facilitator asked for while the hub starts or stops, so the switch follows the hand. */
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [hostError, setHostError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [joinError, setJoinError] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('lanHub.status', {}).then((result) => {
      if (live && result.ok) setHub(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  function hostProblem(error: ApiError): string {
    if (error.code === 'sync_unreachable') return t('lanHub.host.noNetwork');
    if (error.code === 'invalid_input') return t('lanHub.host.needsPassphrase');
    return describeError(error);
  }

  function joinProblem(error: ApiError): string {
    switch (error.code) {
      case 'invalid_input':
        return error.issues?.some((issue) => issue.path === 'passphrase')
          ? t('lanHub.join.shortPassphrase', { min: minPassphraseChars })
          : t('lanHub.join.badCode');
      case 'sync_unreachable':
        return t('lanHub.join.unreachable');
      case 'wrong_passphrase':
        return t('lanHub.join.wrongPassphrase');
      case 'wrong_hub_code':
        return t('lanHub.join.oldCode');
      default:
        return describeError(error);
    }
  }

  async function toggle(on: boolean) {
    setBusy(true);
    setWanted(on);
    setHostError(null);
    try {
      const result = on ? await call('lanHub.start', { initiativeId }) : await call('lanHub.stop', {});
      if (result.ok) setHub(result.value);
      else setHostError(hostProblem(result.error));
    } finally {
      setWanted(null);
      setBusy(false);
      onChange();
    }
  }

  async function syncWithRoom() {
    setBusy(true);
    try {
      await call('sync.now', { initiativeId });
    } finally {
      setBusy(false);
      onChange();
    }
  }

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setJoinError(null);
    setJoined(null);
    try {
      const result = await call('sync.useLanHub', { initiativeId, code, passphrase });
      if (!result.ok) {
        setJoinError(joinProblem(result.error));
        return;
      }
      setPassphrase('');
      setCode('');
      setJoined(t('lanHub.join.joined', { address: result.value.hubUrl.replace(/^http:\/\//, '') }));
      await call('sync.now', { initiativeId });
    } finally {
      setBusy(false);
      onChange();
    }
  }

  const running = hub?.running ?? false;
  const [first, ...more] = hub?.endpoints ?? [];

  return (
    <div className="lan-hub">
      <h3 id="lan-hub-host-title">{t('lanHub.host.title')}</h3>
      <p className="field__hint">{t('lanHub.host.help')}</p>
      <label className="lan-hub__switch">
        <input
          type="checkbox"
          role="switch"
          checked={wanted ?? running}
          disabled={busy || hub === null || (!running && !configured)}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>{running ? t('lanHub.host.on') : t('lanHub.host.off')}</span>
      </label>
      {!configured && !running ? <p className="field__hint">{t('lanHub.host.needsPassphrase')}</p> : null}
      {hostError ? (
        <p className="form-error" role="alert">
          {hostError}
        </p>
      ) : null}
      {running && first ? (
        <div className="lan-hub__on" aria-labelledby="lan-hub-host-title">
          <p>{t('lanHub.host.readAloud')}</p>
          <p className="lan-hub__code" dir="ltr" data-testid="lan-hub-code">
            {first.code}
          </p>
          <QrCode qr={first.qr} label={t('lanHub.host.qrLabel', { code: first.code })} />
          <p>{t('lanHub.host.address', { address: `${first.address}:${hub?.port ?? ''}` })}</p>
          {more.length > 0 ? (
            <>
              <p className="field__hint">{t('lanHub.host.otherNetworks')}</p>
              <ul className="lan-hub__others">
                {more.map((endpoint) => (
                  <li key={endpoint.address}>
                    {endpoint.address}: <span className="lan-hub__code--small">{endpoint.code}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="notice">{t('lanHub.host.privacy')}</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void syncWithRoom()}>
            {t('lanHub.host.syncNow')}
          </button>
        </div>
      ) : null}

      <h3>{t('lanHub.join.title')}</h3>
      <p className="field__hint">{t('lanHub.join.help')}</p>
      <form onSubmit={(event) => void join(event)}>
        <Field label={t('lanHub.join.code')} hint={t('lanHub.join.codeHint')}>
          {(props) => (
            <input
              {...props}
              className="lan-hub__input"
              value={code}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <TeamPassphraseField
          label={t('lanHub.join.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          purpose="current"
        />
        <button type="submit" className="button" disabled={busy || code.trim() === '' || passphrase === ''}>
          {t('lanHub.join.submit')}
        </button>
      </form>
      {joinError ? (
        <p className="form-error" role="alert">
          {joinError}
        </p>
      ) : null}
      {joined ? (
        <p className="notice" role="status">
          {joined}
        </p>
      ) : null}
    </div>
  );
}
