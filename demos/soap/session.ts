import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import type express from 'express';
import soap, { type Client } from 'soap';
import { BookStore } from '../books/store.js';
import type { DemoSession, ServeOptions, ServedDemo } from '../core/demo.js';
import { httpBehindTap, type HttpBehindTap, type HttpBehindTapOptions } from '../wire/http-behind-tap.js';
import { startNeighbours, type Neighbours } from './neighbours.js';
import { curlExamples } from './curl-examples.js';
import { soapExplorer } from './explorer.js';
import { createSoapApp } from './server.js';
import type { Outage } from './outage.js';
import { demoAccount } from './ws-security.js';
import { servicePath } from './wsdl.js';

export interface SoapSession extends DemoSession {
  readonly wsdlUrl: string;
  /** Builds both clients from the served WSDL (one GET ?wsdl on the wire). */
  connect(): Promise<void>;
  /** A client without credentials. */
  readonly client: Client;
  /** The same generated client, with a WS-Security UsernameToken in every request. */
  readonly clientWithToken: Client;
  /** The REST and GraphQL servers on the same store, for comparisons; their taps stay out of `taps`. */
  readonly compare: Neighbours;
  /** Set `down` to make the service's book store fail (a server-side failure). */
  readonly outage: Outage;
  /** The books behind the service (compare starts each measured run from the same data). */
  readonly store: BookStore;
}

/**
 * The soap server behind a tap. Its WSDL must name the tap's URL, which exists only once
 * the tap listens, so the express app is made then and the tap's handler waits for it.
 */
async function soapBehindTap(
  store: BookStore,
  options: HttpBehindTapOptions,
  explorer?: express.Router,
  outage?: Outage,
): Promise<HttpBehindTap> {
  let app: express.Express | undefined;
  const handler: http.RequestListener = (req, res) => {
    if (app) app(req, res);
    else res.writeHead(503, { 'Retry-After': '1' }).end();
  };
  const server = await httpBehindTap(handler, options);
  try {
    app = await createSoapApp(store, `${server.url}${servicePath}`, {
      ...(explorer ? { explorer } : {}),
      ...(outage ? { outage } : {}),
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}

export async function startSoap(): Promise<SoapSession> {
  // One clock for every tap, so items of all three servers interleave by time.
  const origin = performance.now();
  const store = new BookStore();
  const outage: Outage = { down: false };
  const server = await soapBehindTap(store, { origin }, undefined, outage);
  let compare: Neighbours;
  try {
    compare = await startNeighbours(store, origin);
  } catch (error) {
    await server.close();
    throw error;
  }
  const wsdlUrl = `${server.url}${servicePath}?wsdl`;
  let clients: { client: Client; clientWithToken: Client } | undefined;
  const connected = () => {
    if (!clients) throw new Error('connect() first: the clients are generated from the WSDL');
    return clients;
  };

  return {
    taps: [server.tap],
    wsdlUrl,
    compare,
    outage,
    store,
    async connect() {
      // disableCache: fetch the WSDL now, on the wire, not from the package's process-wide cache.
      const client = await soap.createClientAsync(wsdlUrl, { disableCache: true });
      const clientWithToken = new soap.Client(client.wsdl, undefined, { disableCache: true });
      // PasswordDigest: the password itself never crosses the wire (UsernameToken Profile 1.0 §3.1).
      clientWithToken.setSecurity(
        new soap.WSSecurity(demoAccount.username, demoAccount.password, {
          passwordType: 'PasswordDigest',
          hasTimeStamp: false,
          mustUnderstand: true,
        }),
      );
      clients = { client, clientWithToken };
    },
    get client() {
      return connected().client;
    },
    get clientWithToken() {
      return connected().clientWithToken;
    },
    close: async () => {
      await Promise.allSettled([compare.close(), server.close()]);
    },
  };
}

export async function serveSoap(options: ServeOptions): Promise<ServedDemo> {
  const server = await soapBehindTap(new BookStore(), options, soapExplorer(options.lang));
  const endpoint = `${server.url}${servicePath}`;
  return {
    url: `${endpoint}?wsdl`,
    browse: [`${server.url}/`, endpoint],
    examples: curlExamples(endpoint),
    close: server.close,
  };
}
