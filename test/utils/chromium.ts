/**
 * One headless Chromium for the browser tests of this process: the browser files run side by
 * side, and each launch of its own cost about a second of CPU before any page (the browser,
 * its zygotes, the GPU and network processes). Each test takes a context of its own, a fresh
 * in-memory profile: nothing cached or stored by another test or an earlier run can stand in
 * for the server. The browser closes when the last test that took it gives it back.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; CI installs it (apt-get install -y chromium). Never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';
/**
 * Chromium takes the last --disable-features it is given, so this one repeats the list
 * Playwright passes (playwright-core's chromiumSwitches) and adds the omnibox's two popups:
 * a headless window still builds them as web pages, about a second of CPU per window (one per
 * context) for a toolbar no one sees.
 */
const disabledFeatures = [
  // Playwright 1.65's own.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // The omnibox's popups.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${disabledFeatures.join(',')}`,
];

let launched: Promise<Browser> | undefined;
let users = 0;

export interface SharedChromium {
  browser: Browser;
  /** Gives the browser back; the last one to do so closes it. */
  release(): Promise<void>;
}

export async function useChromium(): Promise<SharedChromium> {
  assert.ok(
    existsSync(chromiumPath),
    `Chromium is not installed at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium`,
  );
  users++;
  const mine = (launched ??= chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true }));
  let browser: Browser;
  try {
    browser = await mine;
  } catch (error) {
    users--;
    if (launched === mine) launched = undefined;
    throw error;
  }
  let released = false;
  return {
    browser,
    async release() {
      if (released) return;
      released = true;
      if (--users > 0) return;
      launched = undefined;
      await browser.close();
    },
  };
}
