// The pane's CSS carries Fluent 2 tokens by hand (native controls keep labels and keyboard
// behaviour that Fluent's shadow-DOM inputs hide); this keeps every value equal to Fluent's own
// web light theme, so the pane looks like the rest of Office.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webLightTheme } from '@fluentui/tokens';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pane-server.js';

describe('pane.css tokens', () => {
  it('match @fluentui/tokens webLightTheme', () => {
    const css = readFileSync(join(ROOT, 'addin/src/pane.css'), 'utf8');
    const root = /:root\s*\{([^}]*)\}/.exec(css)![1]!;
    const tokens = [...root.matchAll(/--([A-Za-z0-9]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()] as const);
    expect(tokens.length).toBeGreaterThan(20);
    const theme = webLightTheme as unknown as Record<string, string | number>;
    const differing = tokens.filter(([name, value]) => String(theme[name]) !== value).map(([name, value]) => `${name}: ${value} (Fluent: ${String(theme[name])})`);
    expect(differing).toEqual([]);
  });
});
