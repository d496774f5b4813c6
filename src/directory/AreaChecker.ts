import type { KnowledgeProblem } from '../knowledge/Answer';
import { SHOWABLE, type Area } from './Area';
import { areaServiceRows, areaToYaml, buildAreas, type AreaSources, type IasRow } from './AreaBuilder';
import type { LoadedAreas } from './AreaLoader';
import { areaFileName, normaliseAreaText, squashSpaces } from './areaNames';

const PHONE = /(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * The checks kb:check makes on the area directory: every file valid (AreaLoader), one file per
 * local authority (153), a phone or email only where the row's reliability allows it and only
 * as the data gives it, no other phone number or email anywhere in a file, and every file as
 * the build would write it now (not stale, not edited by hand).
 */
export class AreaChecker {
  constructor(
    private readonly loaded: LoadedAreas,
    private readonly sources: AreaSources,
  ) {}

  check(): KnowledgeProblem[] {
    const problems: KnowledgeProblem[] = [...this.loaded.problems];
    const built = buildAreas(this.sources);
    for (const p of built.problems) problems.push({ file: 'areas-shortnames.yaml', field: '(build)', message: p });

    const rows = areaServiceRows(this.sources.iasServicesCsv);
    const rowFor = (name: string) => rows.find((r) => normaliseAreaText(r.local_authority) === normaliseAreaText(name));
    const loadedByFile = new Map(this.loaded.areas.map((a) => [`areas/${areaFileName(a.name)}`, a]));

    if (this.loaded.texts.size !== built.areas.length) {
      problems.push({ file: 'areas/', field: '(folder)', message: `holds ${this.loaded.texts.size} area files; local-authorities.csv has ${built.areas.length} authorities` });
    }
    for (const expected of built.areas) {
      const file = `areas/${areaFileName(expected.name)}`;
      const text = this.loaded.texts.get(file);
      if (text === undefined) {
        problems.push({ file, field: '(file)', message: `is missing for "${expected.name}": run npm run areas:build` });
        continue;
      }
      const area = loadedByFile.get(file);
      if (area) problems.push(...this.contactProblems(file, area, rowFor(area.name)));
      const allowed = new Set([area?.service?.phone, area?.service?.reportedPhone, area?.service?.email].filter((v): v is string => !!v).map((v) => squashSpaces(v).toLowerCase()));
      for (const m of [...text.matchAll(PHONE), ...text.matchAll(EMAIL)]) {
        if (!allowed.has(squashSpaces(m[0]).toLowerCase())) problems.push({ file, field: '(file)', message: `holds "${m[0]}", which is not a contact detail its reliability allows` });
      }
      if (text !== areaToYaml(expected)) problems.push({ file, field: '(file)', message: 'is not what the build writes from the data now: run npm run areas:build and review the diff' });
    }
    for (const file of this.loaded.texts.keys()) {
      if (!built.areas.some((a) => `areas/${areaFileName(a.name)}` === file)) problems.push({ file, field: '(file)', message: 'is not a local authority in local-authorities.csv' });
    }
    return problems;
  }

  /** The reliability rules of ../shared/data/README.md, checked field by field against the row. */
  private contactProblems(file: string, area: Area, row: IasRow | undefined): KnowledgeProblem[] {
    const out: KnowledgeProblem[] = [];
    const at = (field: string, message: string) => out.push({ file, field, message });
    const s = area.service;
    if (!row) {
      if (s) at('service', `ias-services.csv has no row for ${area.name}`);
      return out;
    }
    if (!s) {
      at('service', `is missing: ias-services.csv has a row for ${area.name}`);
      return out;
    }
    if (s.reliability !== row.reliability) at('service.reliability', `is "${s.reliability}"; ias-services.csv says "${row.reliability}"`);
    if (s.name !== squashSpaces(row.service_name)) at('service.name', 'is not the name in ias-services.csv');
    const show = SHOWABLE[row.reliability as keyof typeof SHOWABLE] ?? SHOWABLE['name-only'];
    const same = (a: string | undefined, b: string) => squashSpaces(a ?? '') === squashSpaces(b);
    if (s.phone !== undefined && (show.phone !== 'yes' || !same(s.phone, row.phone))) at('service.phone', `may not be shown for a ${row.reliability} row, or is not the row's phone`);
    if (s.reportedPhone !== undefined && (show.phone !== 'reported' || !same(s.reportedPhone, row.phone))) at('service.reportedPhone', `is only for a third-party row's phone`);
    if (s.email !== undefined && (!show.email || !same(s.email, row.email))) at('service.email', `may not be shown for a ${row.reliability} row, or is not the row's email`);
    if (s.website !== undefined && (!show.website || !same(s.website, row.website))) at('service.website', `may not be shown for a ${row.reliability} row, or is not the row's website`);
    return out;
  }
}
