import type { Response } from 'express';

/** An error as problem details (RFC 9457): the same JSON shape for every error, beside the status code. */
export function sendProblem(res: Response, status: number, title: string, detail: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}
