import { defineDemo } from '../core/demo.js';
import { de } from '../../lessons/soap/de.js';
import { en } from '../../lessons/soap/en.js';
import { soapSteps } from './scenario.js';
import { serveSoap, startSoap } from './session.js';
import { bookServiceWsdl, servicePath } from './wsdl.js';

/** `--schema` has no server to name; this is the address `--serve --port 8080` listens on. */
const exampleAddress = `http://127.0.0.1:8080${servicePath}`;

export const demo = defineDemo({
  id: 'soap',
  lessons: { en, de },
  start: startSoap,
  steps: soapSteps,
  serve: serveSoap,
  contract: async () => bookServiceWsdl(exampleAddress),
});
