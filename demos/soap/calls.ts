/**
 * Typed calls through the generated client. The soap package makes one method per WSDL
 * operation at run time (ListBooksAsync, …), so TypeScript cannot know them; these
 * types say what the XSD promises the client turns the XML into.
 */
import type { Client } from 'soap';
import type { Operation } from './wsdl.js';

export interface ClientBook {
  id: string;
  title: string;
  author: string;
  /** xsd:int, so a number. */
  year?: number;
  isbn?: string;
  /** xsd:dateTime, so a Date. */
  createdAt: Date;
}

export interface ClientReview {
  id: string;
  rating: number;
  comment: string;
}

export interface Results {
  ListBooks: { book?: ClientBook[] };
  GetBook: { book: ClientBook };
  GetBookWithReviews: { book: ClientBook; review?: ClientReview[] };
  AddBook: { book: ClientBook };
}

/** What the soap client rejects with when the answer is a Fault. */
export interface SoapFaultError extends Error {
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: string; faultstring?: string; detail?: unknown } } } };
  response?: { status?: number };
}

export async function call<O extends Operation>(client: Client, operation: O, args: object): Promise<Results[O]> {
  const method = client[`${operation}Async`] as (args: object) => Promise<[Results[O], string]>;
  const [result] = await method.call(client, args);
  return result;
}

/** Awaits a call that must fail with a Fault; anything else is a bug in the scenario. */
export async function expectFault(pending: Promise<unknown>): Promise<SoapFaultError> {
  try {
    await pending;
  } catch (error) {
    const fault = (error as SoapFaultError).root?.Envelope?.Body?.Fault;
    if (fault) return error as SoapFaultError;
    throw error;
  }
  throw new Error('The call succeeded where the scenario expects a SOAP Fault.');
}

/** The parsed Fault of an error from expectFault. */
export function faultOf(error: SoapFaultError) {
  const fault = error.root?.Envelope?.Body?.Fault ?? {};
  return { code: fault.faultcode ?? '', string: fault.faultstring ?? '', detail: fault.detail };
}

/** One element parsed by the client is an object, several are an array: always a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
