/**
 * Every test of test/timed/ in this one process, one file after another: their verdicts
 * hang on clocks running in this process (an AMQP connection's 3 s to open and a broker's
 * 5 s to answer, heartbeats, message expiry, a load generator's time limit). Beside other files on the same event loop, a test that keeps
 * the loop busy for a second (loading Mermaid, rendering a megabyte) would make those
 * clocks fire late and fail a correct broker.
 */
import { importTests } from './import-tests.js';

importTests('timed');
