import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Channel, ChannelInput, ChannelOutput } from '../../src-main/contract/index';
import { call } from './client';

interface Answer<T> {
  key: string;
  value: T | null;
  error: ApiError | null;
}

/**
 * A read channel's answer for a component that shows it and nothing else keeps it. It asks again
 * when the input or `refreshKey` changes (the caller passes what a change notice refreshes, e.g.
 * the meeting's view), and on `refetch` after its own writes. An answer is kept with the input it
 * answers, so switching items quickly never shows the previous item's data.
 */
export function useChannelAnswer<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  refreshKey?: unknown,
): { value: ChannelOutput<C> | null; error: ApiError | null; refetch(): Promise<void> } {
  const [answer, setAnswer] = useState<Answer<ChannelOutput<C>> | null>(null);
  const [revision, setRevision] = useState(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    void call(channel, JSON.parse(key) as ChannelInput<C>).then((result) => {
      if (!current) return;
      setAnswer((previous) =>
        result.ok
          ? { key, value: result.value, error: null }
          : { key, value: previous?.key === key ? previous.value : null, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [channel, key, refreshKey, revision]);

  const refetch = useCallback(async () => setRevision((count) => count + 1), []);
  const fits = answer !== null && answer.key === key;
  return { value: fits ? answer.value : null, error: fits ? answer.error : null, refetch };
}
