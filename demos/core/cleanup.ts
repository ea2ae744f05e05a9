/**
 * Everything a run opens (servers, taps, sockets) registers its close here, so
 * Ctrl-C, `q` and errors all end with nothing left listening.
 */
const closers = new Set<() => Promise<void>>();
/** Closes already under way: closeAll() waits for them too, so an exit never cuts one short. */
const closing = new Set<Promise<void>>();

/** Registers `close`; the returned function closes it now and forgets it. */
export function track(close: () => Promise<void>): () => Promise<void> {
  closers.add(close);
  return async () => {
    if (closers.delete(close)) await follow(close());
  };
}

function follow(done: Promise<void>): Promise<void> {
  const settled = done.finally(() => closing.delete(settled));
  closing.add(settled);
  return settled;
}

/** Closes everything; gives up after `limitMs`, so a broker that stopped answering cannot hold the exit. */
export async function closeAll(limitMs = 3000): Promise<void> {
  const all = [...closers].map((close) => follow(close()));
  closers.clear();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs).unref()));
  await Promise.race([Promise.allSettled([...all, ...closing]), limit]);
  clearTimeout(timer);
}
