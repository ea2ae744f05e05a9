#!/usr/bin/env node
/** The ES module entry: everything but --help and --version starts here (see launch.cts). */
import { main } from './main.js';

await main(process.argv);
