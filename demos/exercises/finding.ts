/**
 * What a check found, thrown from deep in a client call where the check cannot return it:
 * the runner shows `got` as the check's "got" line, as if the check had returned it.
 */
export class Finding extends Error {
  constructor(readonly got: string) {
    super(got);
    this.name = 'Finding';
  }
}
