/** The words of `awt-demo exercise` in English; exercise-de.ts has the same keys. */
export const exerciseEn = {
  commands: {
    exercise: 'exercises: build a service yourself, awt-demo checks it over the wire',
    list: 'the exercises and how far you are (read from awt-progress.json)',
    start: 'write the starter project of an exercise into a new folder',
    hint: 'one more hint for the first check that does not pass yet',
    check: "run the exercise's checks against your running server, through the wire tap",
    id: 'the exercise (see "awt-demo exercise list")',
    dir: (p: { dir: string }) => `the exercise folder (default: ${p.dir})`,
    url: "your server's address (default: the one the task names)",
    timeout: 'seconds each check may take (default 5)',
    json: 'print the result as JSON (for grading scripts)',
  },
  states: { 'not-started': 'not started', started: 'started', passed: 'passed' } as Record<string, string>,
  list: {
    heading: 'Exercises:',
    usage: 'Start one with: awt-demo exercise start <id>',
  },
  start: {
    wrote: (p: { exercise: string; dir: string }) => `The starter project of ${p.exercise} is in ${p.dir}:`,
    next: 'Next:',
    install: 'install the dependencies',
    run: 'start your server (it restarts on every change)',
    check: 'in a second terminal: check it',
    hint: 'stuck? one hint more each time',
  },
  readme: {
    task: 'The task',
    steps: 'How to go about it',
    commands: 'Commands',
    install: 'Install the dependencies (once):',
    run: 'Start your server; it restarts whenever you save a file:',
    check: 'In a second terminal, check your server over the wire:',
    hint: 'Stuck? Each call shows one hint more:',
    tap: 'See what your own client sends, through the wire tap:',
    checks: 'What the checks expect',
    progress: 'awt-progress.json records which checks passed and when; your lecturer may collect it.',
  },
  hint: {
    heading: (p: { level: number; of: number; check: string }) => `Hint ${p.level} of ${p.of} for „${p.check}“:`,
    more: (p: { command: string }) => `Still stuck? ${p.command} shows the next one.`,
    last: 'That was the last hint for this check; the task README and the demo (awt-demo <paradigm>) show the rest.',
    noProgress: (p: { file: string }) =>
      `No ${p.file} here, so hints cannot be counted: run this in the exercise folder.`,
    allPassed: 'Every check passed the last time: no hint needed.',
  },
  check: {
    heading: (p: { exercise: string; url: string }) => `Checking ${p.exercise} at ${p.url}, through the wire tap`,
    expected: 'expected',
    got: 'got',
    hint: 'hint',
    advice: 'advice',
    passed: (p: { passed: number; total: number }) => `${p.passed} of ${p.total} checks passed.`,
    allPassed: (p: { total: number }) => `All ${p.total} checks passed. Well done!`,
    noProgress: (p: { file: string }) => `No ${p.file} in this folder: the result was not recorded.`,
    recorded: (p: { file: string }) => `Recorded in ${p.file}.`,
  },
  /** What a server did instead, for the "got" line of a failing check. */
  said: {
    timeout: (p: { seconds: number }) => `no complete answer within ${p.seconds} s`,
    failedCall: (p: { detail: string }) => `the call failed: ${p.detail}`,
    status: (p: { status: number }) => `status ${p.status}`,
    notJson: (p: { status: number; contentType: string }) =>
      `status ${p.status}, a body that is not JSON (Content-Type: ${p.contentType || 'none'})`,
    errors: (p: { messages: string }) => `an errors array: ${p.messages}`,
    noErrors: 'no errors array',
    noData: 'no data in the response',
    value: (p: { path: string; value: string }) => `${p.path} = ${p.value}`,
    missing: (p: { what: string }) => `${p.what} is missing`,
    notListed: (p: { what: string }) => `the next query does not list ${p.what}`,
    schema: (p: { problems: string }) => `the body does not match the OpenAPI schema: ${p.problems}`,
    header: (p: { name: string; value: string }) => `${p.name}: ${p.value}`,
    noHeader: (p: { name: string }) => `no ${p.name} header`,
    signature: (p: { field: string; got: string; expected: string }) =>
      `${p.field} is declared as ${p.got}, the contract says ${p.expected}`,
    audits: (p: { failed: string }) => `MUST audits of GraphQL over HTTP fail: ${p.failed}`,
    should: (p: { id: string; name: string; reason: string }) => `${p.id} ${p.name} (${p.reason})`,
  },
};

export type ExerciseWords = typeof exerciseEn;
