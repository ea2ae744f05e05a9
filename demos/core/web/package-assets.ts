/**
 * Browser files shipped inside npm packages (GraphiQL, React, Swagger UI), served by
 * the demo itself so the explorers work with no network: never from a CDN. Only the
 * files named here are served; a request names a key, never a path on disk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type express from 'express';

export interface PackageAsset {
  /** The npm package that ships the file. */
  package: string;
  /** Path inside the package. */
  file: string;
}

const require = createRequire(import.meta.url);

/** Where a package's file lies on disk (each package below exports its package.json). */
export function assetPath(asset: PackageAsset): string {
  return path.join(path.dirname(require.resolve(`${asset.package}/package.json`)), asset.file);
}

/** GET <base>/<name> for each named asset, with the package's own bytes; anything else falls through. */
export function serveAssets(app: express.Router, base: string, assets: Record<string, PackageAsset>): void {
  for (const [name, asset] of Object.entries(assets)) {
    app.get(`${base}/${name}`, (_req, res, next) => {
      // sendFile answers Range, ETag and If-None-Match itself; max-age keeps reloads quiet in the trace.
      res.sendFile(assetPath(asset), { maxAge: '1h' }, (error) => {
        if (error && !res.headersSent) next(error);
      });
    });
  }
}

/** Files written for the pages here (the small scripts that start the explorers), served as JavaScript. */
export function serveScripts(app: express.Router, base: string, scripts: Record<string, string>): void {
  for (const [name, source] of Object.entries(scripts)) {
    app.get(`${base}/${name}`, (_req, res) => {
      res.type('text/javascript').set('Cache-Control', 'no-cache').send(source);
    });
  }
}
