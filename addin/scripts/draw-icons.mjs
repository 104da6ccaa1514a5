// Draws the add-in's ribbon and store icons (16, 32, 64 and 80 px PNGs) from one drawing, so the
// committed PNGs in addin/public/assets are generated, never hand-edited. Run: node addin/scripts/draw-icons.mjs
import { createCanvas } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 32, 64, 80];
const BRAND = '#0f6cbd'; // Fluent 2 brand background
const out = fileURLToPath(new URL('../public/assets/', import.meta.url));

for (const size of ICON_SIZES) {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const u = size / 16;
  // A rounded tile with three attendance bars: the pane's subject at a glance.
  g.fillStyle = BRAND;
  const r = 3 * u;
  g.beginPath();
  g.moveTo(r, 0); g.lineTo(size - r, 0); g.quadraticCurveTo(size, 0, size, r);
  g.lineTo(size, size - r); g.quadraticCurveTo(size, size, size - r, size);
  g.lineTo(r, size); g.quadraticCurveTo(0, size, 0, size - r);
  g.lineTo(0, r); g.quadraticCurveTo(0, 0, r, 0);
  g.fill();
  g.fillStyle = '#ffffff';
  const bars = [[3, 7], [7, 4], [11, 9]];
  for (const [x, top] of bars) g.fillRect(x * u, top * u, 2.5 * u, (13 - top) * u);
  writeFileSync(`${out}icon-${size}.png`, canvas.toBuffer('image/png'));
}
