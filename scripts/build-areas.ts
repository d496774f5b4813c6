/**
 * npm run areas:build — writes knowledge/areas/<slug>.yaml for every local authority in
 * ../shared/data/local-authorities.csv, with its SENDIASS from ias-services.csv (obeying the
 * reliability rules of ../shared/data/README.md) and the reviewed short names in
 * knowledge/areas-shortnames.yaml. The output is content: review the diff, then commit it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { areaToYaml, buildAreas } from '../src/directory/AreaBuilder';
import { areaFileName } from '../src/directory/areaNames';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../src/knowledge/paths';

function main(): void {
  const dataDir = path.join(SHARED_DIR, 'data');
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const { areas, problems } = buildAreas({
    localAuthoritiesCsv: read(path.join(dataDir, 'local-authorities.csv')),
    iasServicesCsv: read(path.join(dataDir, 'ias-services.csv')),
    shortNamesYaml: read(path.join(DEFAULT_KNOWLEDGE_DIR, 'areas-shortnames.yaml')),
  });
  if (problems.length > 0) {
    console.error(`areas:build found ${problems.length} problem(s); nothing written:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  const outDir = path.join(DEFAULT_KNOWLEDGE_DIR, 'areas');
  fs.mkdirSync(outDir, { recursive: true });
  const wanted = new Set(areas.map((a) => areaFileName(a.name)));
  let changed = 0;
  for (const area of areas) {
    const file = path.join(outDir, areaFileName(area.name));
    const text = areaToYaml(area);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      fs.writeFileSync(file, text);
      changed++;
    }
  }
  let removed = 0;
  for (const name of fs.readdirSync(outDir)) {
    if (name.endsWith('.yaml') && !wanted.has(name)) {
      fs.unlinkSync(path.join(outDir, name));
      removed++;
    }
  }
  const withService = areas.filter((a) => a.service).length;
  console.log(`areas:build: ${areas.length} areas (${withService} with a service row); ${changed} file(s) written, ${removed} removed, in ${path.relative(process.cwd(), outDir) || outDir}.`);
}

main();
