import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { buildAreas, type AreaSources } from '../../src/directory/AreaBuilder';
import { AreaChecker } from '../../src/directory/AreaChecker';
import { AreaLoader } from '../../src/directory/AreaLoader';
import { formatProblem } from '../../src/knowledge/Answer';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../../src/knowledge/paths';
import { editFile } from '../support/knowledgeCopy';

const sources: AreaSources = {
  localAuthoritiesCsv: fs.readFileSync(path.join(SHARED_DIR, 'data', 'local-authorities.csv'), 'utf8'),
  iasServicesCsv: fs.readFileSync(path.join(SHARED_DIR, 'data', 'ias-services.csv'), 'utf8'),
  shortNamesYaml: fs.readFileSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'areas-shortnames.yaml'), 'utf8'),
};

/** A copy of the knowledge folder's areas and schemas, to break on purpose. */
function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'areas-'));
  fs.cpSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'areas'), path.join(dir, 'areas'), { recursive: true });
  fs.cpSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'schema'), path.join(dir, 'schema'), { recursive: true });
  return dir;
}
const check = (dir: string) => new AreaChecker(new AreaLoader(dir).load(), sources).check().map(formatProblem);
/** Edits one area file of a copy. */
const edit = (dir: string, file: string, from: string | RegExp, to: string) => editFile(path.join(dir, 'areas'), file, from, to);

describe('The area directory build and its kb:check', () => {
  const temps: string[] = [];
  after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const fresh = () => {
    const d = copyKnowledge();
    temps.push(d);
    return d;
  };

  it('the shipped knowledge/areas passes: 153 valid files, as the build writes them', () => {
    expect(check(DEFAULT_KNOWLEDGE_DIR)).to.deep.equal([]);
    expect(fs.readdirSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'areas')).filter((f) => f.endsWith('.yaml'))).to.have.length(153);
  });

  it('the build obeys the reliability rules: phone and email only from official pages, a third-party phone only as reported', () => {
    const { areas, problems } = buildAreas(sources);
    expect(problems).to.deep.equal([]);
    expect(areas).to.have.length(153);
    const byName = new Map(areas.map((a) => [a.name, a]));
    expect(byName.get('Peterborough')?.service).to.include({ phone: '0300 365 1020', reliability: 'official-page' });
    expect(byName.get('Leeds')?.service).to.include({ reportedPhone: '0113 378 5020' }).and.not.have.property('phone');
    expect(byName.get('St. Helens')?.service).to.not.have.any.keys('phone', 'reportedPhone');
    expect(byName.get('Sefton')?.service).to.not.have.any.keys('phone', 'reportedPhone', 'email', 'website');
    expect(byName.get('Trafford')?.service).to.not.have.any.keys('phone', 'email', 'website');
    expect(byName.get('Wigan')?.service).to.equal(undefined);
    expect(byName.get('Lancashire')?.shortNames).to.include('Lancs');
    expect(byName.get('Kingston upon Hull')?.shortNames).to.include('Hull');
    expect(byName.get('City of London')?.shortNames).to.not.include('London');
  });

  it('fails a phone number on a name-only area', () => {
    const dir = fresh();
    edit(dir, 'trafford.yaml', 'reliability: name-only\n', 'reliability: name-only\n  phone: 0161 912 0000\n');
    const problems = check(dir);
    expect(problems.some((p) => p.startsWith('areas/trafford.yaml: service'))).to.equal(true);
    expect(problems.join('\n')).to.include('0161 912 0000');
  });

  it("fails a dated row's old number, even as a comment", () => {
    const dir = fresh();
    edit(dir, 'st-helens.yaml', 'reliability: dated\n', 'reliability: dated\n  # old number 01744 673428\n');
    expect(check(dir).join('\n')).to.match(/st-helens\.yaml.*01744 673428/);
  });

  it("fails a third-party phone shown as verified", () => {
    const dir = fresh();
    edit(dir, 'leeds.yaml', 'reportedPhone:', 'phone:');
    expect(check(dir).join('\n')).to.match(/leeds\.yaml: service/);
  });

  it('fails a file edited by hand, a missing file and a file for no authority', () => {
    const dir = fresh();
    edit(dir, 'lancashire.yaml', '  - Lancs\n', '  - Lancs\n  - Red Rose\n');
    fs.unlinkSync(path.join(dir, 'areas', 'wigan.yaml'));
    fs.writeFileSync(path.join(dir, 'areas', 'narnia.yaml'), fs.readFileSync(path.join(dir, 'areas', 'bury.yaml'), 'utf8').replace('name: Bury', 'name: Narnia'));
    const problems = check(dir).join('\n');
    expect(problems).to.include('areas/lancashire.yaml: (file): is not what the build writes');
    expect(problems).to.include('areas/wigan.yaml: (file): is missing');
    expect(problems).to.include('areas/narnia.yaml: (file): is not a local authority');
  });

  it('fails a file that does not match the schema, naming the field', () => {
    const dir = fresh();
    edit(dir, 'bury.yaml', 'gssCode: E08000002', 'gssCode: X1');
    expect(check(dir).join('\n')).to.include('areas/bury.yaml: gssCode:');
  });

  it('refuses short names for an area that does not exist and display names with words not in the data', () => {
    const { problems } = buildAreas({
      ...sources,
      shortNamesYaml: 'shortNames:\n  Lancs County: [Lancs]\ndisplayNames:\n  Trafford: Trafford Free Advice Line\n',
    });
    expect(problems.join('\n')).to.include('"Lancs County" is not a local authority');
    expect(problems.join('\n')).to.match(/Trafford: "free", "line" is not in the service's name/);
  });
});
