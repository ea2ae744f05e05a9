import type { Response } from 'express';
import type { FieldProblem } from '../books/validation.js';

/**
 * Errors as RFC 9457 problem details (application/problem+json): a standard JSON
 * shape, so a client can read any error the same way, beside the status code.
 */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  problems?: FieldProblem[],
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail, ...(problems ? { problems } : {}) }));
}
