/** Headers for the pages the demo serves. */
import type express from 'express';

/**
 * The page may load scripts, styles and fonts only from this server and talk only to it
 * (CSP Level 3, https://www.w3.org/TR/CSP3/): even a script in an npm package cannot reach
 * a CDN or send the student's queries elsewhere. Inline style attributes are allowed
 * because GraphiQL and Swagger UI set them.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function sendPage(res: express.Response, html: string): void {
  res
    .type('html')
    .set('Content-Security-Policy', contentSecurityPolicy)
    .set('X-Content-Type-Options', 'nosniff')
    .set('Cache-Control', 'no-cache')
    .send(html);
}
