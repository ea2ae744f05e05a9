/**
 * Work done once per key in this test process, however many tests ask for it: the first
 * caller starts it, the others get the same promise. All of a test folder runs in one
 * process, so tests in different files share the work too.
 */
export function oncePerKey<T>(): (key: string, start: () => Promise<T>) => Promise<T> {
  const started = new Map<string, Promise<T>>();
  return (key, start) => {
    let done = started.get(key);
    if (!done) started.set(key, (done = start()));
    return done;
  };
}
