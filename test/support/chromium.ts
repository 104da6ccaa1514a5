// Where the browser tests find Chromium: $CHROMIUM_PATH when set, else the first of the usual
// places that exists, /usr/bin/chromium (Debian's package, which .ci/run installs) first.
import { existsSync } from 'node:fs';

/** Usual install places, in the order they are tried after $CHROMIUM_PATH. */
export const CHROMIUM_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/**
 * The Chromium executable to launch: `env.CHROMIUM_PATH` if set (even if it does not exist, so that
 * a wrong setting is reported, not silently replaced), else the first existing CHROMIUM_PLACES
 * entry, else /usr/bin/chromium. `found` says whether that file exists.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): { path: string; found: boolean } {
  const chosen = env.CHROMIUM_PATH || CHROMIUM_PLACES.find((p) => exists(p)) || CHROMIUM_PLACES[0]!;
  return { path: chosen, found: exists(chosen) };
}

const chromium = findChromium();
export const CHROMIUM = chromium.path;
export const hasChromium = chromium.found;

/** The flags the browser tests launch Chromium with (headless, no sandbox, no background traffic). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
