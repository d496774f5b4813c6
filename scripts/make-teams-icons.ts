// Draws the Teams app icons (teams/color.png 192x192, teams/outline.png 32x32: white on
// transparent, as Teams asks) with pngjs. No network, no image files needed. The icons are
// committed; run `npx tsx scripts/make-teams-icons.ts` to draw them again.
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { TEAMS_ICONS } from '../src/teams/TeamsManifest';

type Shape = (x: number, y: number) => boolean;
type Rgb = [number, number, number];

const BRAND: Rgb = [0x1d, 0x70, 0xb8];
const WHITE: Rgb = [255, 255, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** A speech bubble with three dots, in a box of side `s` (coordinates are for 192 and scaled). */
function bubble(s: number, strokeOnly: boolean): { bubble: Shape; dots: Shape } {
  const k = s / 192;
  const outer = union(roundedRect(30 * k, 40 * k, 162 * k, 132 * k, 24 * k), triangle(54 * k, 124 * k, 96 * k, 124 * k, 48 * k, 162 * k));
  const dots = union(circle(64 * k, 86 * k, 11 * k), circle(96 * k, 86 * k, 11 * k), circle(128 * k, 86 * k, 11 * k));
  if (!strokeOnly) return { bubble: outer, dots };
  const w = 12 * k; // the stroke, 2px at 32x32
  const inner = union(roundedRect(30 * k + w, 40 * k + w, 162 * k - w, 132 * k - w, 24 * k - w), triangle(54 * k + w * 1.2, 124 * k - w, 96 * k - w * 2, 124 * k - w, 56 * k + w, 148 * k - w * 1.5));
  return { bubble: minus(outer, inner), dots };
}

/** Paints `layers` (later on top) over `background` (undefined: transparent), 4x4 samples a pixel. */
function render(size: number, background: Rgb | undefined, layers: Array<[Shape, Rgb]>): Buffer {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let colour = background;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return PNG.sync.write(png);
}

export function colourIcon(): Buffer {
  const { bubble: shape, dots } = bubble(192, false);
  return render(192, BRAND, [
    [shape, WHITE],
    [dots, BRAND],
  ]);
}

export function outlineIcon(): Buffer {
  const { bubble: shape, dots } = bubble(32, true);
  return render(32, undefined, [
    [shape, WHITE],
    [dots, WHITE],
  ]);
}

if (require.main === module) {
  fs.writeFileSync(TEAMS_ICONS.color, colourIcon());
  fs.writeFileSync(TEAMS_ICONS.outline, outlineIcon());
  console.log(`Wrote ${TEAMS_ICONS.color} and ${TEAMS_ICONS.outline}.`);
}
