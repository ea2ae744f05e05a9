/**
 * Every pure test (test/unit/*.test.ts, no servers, no child processes) in this one process,
 * which runs beside the integration files. The pure tests need no isolation, and a process
 * per file costs more than the tests themselves: node with tsx takes about 0.5 s of CPU to
 * start, so the pure tests took 12 s of CPU in a process each and 3.6 s in this one.
 */
import { importTests } from './import-tests.js';

importTests('unit');
