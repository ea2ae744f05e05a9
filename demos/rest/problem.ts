import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { FieldProblem } from '../books/validation.js';

/**
 * Errors as RFC 9457 problem details (application/problem+json): a standard JSON
 * shape, so a client can read any error the same way, beside the status code. With
 * type "about:blank" the title is the status's own phrase (RFC 9457 §4.2.1): a 413
 * says "Payload Too Large", not "Bad Request".
 */
export function sendProblem(res: Response, status: number, detail: string, problems?: FieldProblem[]): void {
  const title = STATUS_CODES[status] ?? 'Error';
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail, ...(problems ? { problems } : {}) }));
}
