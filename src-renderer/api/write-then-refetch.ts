import type { ApiError, Result } from '../../src-main/contract/index';

interface WritingStore {
  initiativeId: string | null;
  refetch(): Promise<void>;
}

/**
 * A feature store's writes: each runs against the open initiative, then the store refetches
 * (stores never patch their own copies by hand). `errorOf` turns a result into the error to show.
 */
export function writeThenRefetch(get: () => WritingStore) {
  async function write<T>(run: (initiativeId: string) => Promise<Result<T>>): Promise<Result<T>> {
    const initiativeId = get().initiativeId;
    if (!initiativeId) return { ok: false, error: { code: 'not_found', message: 'No initiative is open.' } };
    const result = await run(initiativeId);
    await get().refetch();
    return result;
  }
  async function errorOf<T>(pending: Promise<Result<T>>): Promise<ApiError | null> {
    const result = await pending;
    return result.ok ? null : result.error;
  }
  return { write, errorOf };
}
