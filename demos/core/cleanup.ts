/**
 * Everything a run opens (servers, taps, sockets) registers its close here, so
 * Ctrl-C, `q` and errors all end with nothing left listening.
 */
const closers = new Set<() => Promise<void>>();

/** Registers `close`; the returned function closes it now and forgets it. */
export function track(close: () => Promise<void>): () => Promise<void> {
  closers.add(close);
  return async () => {
    if (closers.delete(close)) await close();
  };
}

export async function closeAll(): Promise<void> {
  const all = [...closers];
  closers.clear();
  await Promise.allSettled(all.map((close) => close()));
}
