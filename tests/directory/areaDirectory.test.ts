import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { AreaDirectory, type AreaMatch } from '../../src/directory/AreaDirectory';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../../src/knowledge/paths';

const directory = AreaDirectory.fromFolder(DEFAULT_KNOWLEDGE_DIR);
const las = parse(fs.readFileSync(path.join(SHARED_DIR, 'data', 'local-authorities.csv'), 'utf8'), { columns: true }) as Array<{ local_authority: string; official_name: string }>;

const describeMatch = (m: AreaMatch): string =>
  m.kind === 'match' ? m.area.name : m.kind === 'ambiguous' ? `ambiguous: ${m.options.map((a) => a.name).join(' | ')}` : 'unknown';

describe('AreaDirectory: finding the area from what people type', () => {
  it('holds the 153 local authorities', () => {
    expect(directory.areas).to.have.length(153);
    expect(las).to.have.length(153);
  });

  describe('short names, nicknames and whole sentences', () => {
    for (const [typed, area] of [
      ["I'm in Lancs", 'Lancashire'],
      ['we live in bucks', 'Buckinghamshire'],
      ["I've moved to Trafford", 'Trafford'],
      ['BwD', 'Blackburn with Darwen'],
      ['Brum', 'Birmingham'],
      ['manc', 'Manchester'],
      ['Notts', 'Nottinghamshire'],
      ['herts', 'Hertfordshire'],
      ['BCP', 'Bournemouth, Christchurch and Poole'],
      ['Bristol', 'City of Bristol'],
      ['hull', 'Kingston upon Hull'],
      ['Durham', 'County Durham'],
      ['st helens', 'St. Helens'],
      ['Saint Helens', 'St. Helens'],
      ['brighton & hove', 'Brighton and Hove'],
      ['stoke on trent', 'Stoke-on-Trent'],
      ['Southend', 'Southend-on-Sea'],
      ['the wirral', 'Wirral'],
      ['trafford council', 'Trafford'],
      ['my council is Lancashire County Council', 'Lancashire'],
      ['London Borough of Hackney', 'Hackney'],
      ['we moved from lancs to trafford', 'Trafford'],
      ['Nottingham', 'Nottingham'],
      ['North Lincs', 'North Lincolnshire'],
      ['North East Lincolnshire', 'North East Lincolnshire'],
    ] as const) {
      it(`"${typed}" → ${area}`, () => {
        expect(describeMatch(directory.find(typed))).to.equal(area);
      });
    }
  });

  describe('typos (fuzzy matching)', () => {
    for (const [typed, area] of [
      ['lancashre', 'Lancashire'],
      ['i live in lancashre', 'Lancashire'],
      ['we r in manchster now', 'Manchester'],
      ['birmingam', 'Birmingham'],
      ['leicestershre', 'Leicestershire'],
      ['middlesborough', 'Middlesbrough'],
      ['sheffeild', 'Sheffield'],
      ['moved to salfrd', 'Salford'],
      ['warington', 'Warrington'],
    ] as const) {
      it(`"${typed}" → ${area}`, () => {
        expect(describeMatch(directory.find(typed))).to.equal(area);
      });
    }
  });

  describe('ambiguity: it asks which one', () => {
    for (const [typed, options] of [
      ['Bedford', ['Bedford', 'Central Bedfordshire']],
      ['Beds', ['Bedford', 'Central Bedfordshire', 'Luton']],
      ['kingston', ['Kingston upon Hull', 'Kingston upon Thames']],
      ['Cumbria', ['Cumberland', 'Westmorland and Furness']],
      ['Sussex please', ['East Sussex', 'West Sussex']],
      ['Yorkshire', ['East Riding of Yorkshire', 'North Yorkshire']],
      ['Cheshire', ['Cheshire East', 'Cheshire West and Chester']],
    ] as const) {
      it(`"${typed}" → one of ${options.join(', ')}`, () => {
        const m = directory.find(typed);
        expect(m.kind).to.equal('ambiguous');
        expect(m.kind === 'ambiguous' ? m.options.map((a) => a.name).sort() : []).to.deep.equal([...options].sort());
      });
    }
  });

  describe('places and words it does not know are unknown, never a guess', () => {
    for (const typed of ['Chorley', 'Little Snoring', 'Narnia', 'Harrogate', 'Colchester', 'I\'m in Preston', 'London', 'Glasgow', 'Cardiff', 'not sure', 'i dont know', 'idk', 'my son has autism', 'talk to someone', 'somewhere up north', '', '   ', '!!!', '12345']) {
      it(`"${typed}" → unknown`, () => {
        expect(describeMatch(directory.find(typed))).to.equal('unknown');
      });
    }
  });

  it('reads a long pasted message quickly and still finds a name in it', () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const started = Date.now();
    expect(describeMatch(directory.find(`we live in Trafford ${filler}`))).to.equal('Trafford');
    expect(describeMatch(directory.find(filler))).to.equal('unknown');
    expect(Date.now() - started).to.be.below(2000);
  });

  describe('every local authority is reachable by its own name', () => {
    // Bedford is also what people in Central Bedfordshire say: its own name asks which of the two.
    const sharedOnPurpose = new Set(['Bedford']);
    for (const la of las) {
      it(la.local_authority, () => {
        const byName = directory.find(la.local_authority);
        if (sharedOnPurpose.has(la.local_authority)) {
          expect(byName.kind).to.equal('ambiguous');
          expect(byName.kind === 'ambiguous' && byName.options.map((a) => a.name)).to.include(la.local_authority);
        } else {
          expect(describeMatch(byName)).to.equal(la.local_authority);
        }
        expect(describeMatch(directory.find(la.official_name)), la.official_name).to.equal(la.local_authority);
        expect(describeMatch(directory.find(`we live in ${la.official_name.toLowerCase()}`))).to.equal(la.local_authority);
        expect(directory.get(la.local_authority)?.name).to.equal(la.local_authority);
      });
    }
  });
});
