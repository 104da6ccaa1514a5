// Where the browser tests look for Chromium: the environment variable first, then the usual places.
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.js';

const only = (...present: string[]) => (p: string) => present.includes(p);

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when set, and says whether it exists rather than looking elsewhere', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ path: '/opt/chrome/chrome', found: true });
    expect(findChromium({ CHROMIUM_PATH: '/opt/missing' }, only('/usr/bin/chromium'))).toEqual({ path: '/opt/missing', found: false });
  });

  it('otherwise tries /usr/bin/chromium first, then the other usual places', () => {
    expect(findChromium({}, only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toEqual({ path: '/usr/bin/chromium', found: true });
    expect(findChromium({}, only('/usr/bin/google-chrome'))).toEqual({ path: '/usr/bin/google-chrome', found: true });
    expect(findChromium({ CHROMIUM_PATH: '' }, only('/snap/bin/chromium'))).toEqual({ path: '/snap/bin/chromium', found: true });
  });

  it('names /usr/bin/chromium when there is none at all', () => {
    expect(findChromium({}, only())).toEqual({ path: '/usr/bin/chromium', found: false });
  });
});
