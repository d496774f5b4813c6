import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { runKbCheck } from '../../src/cli/kbCheck';
import { copyKnowledge, editFile } from '../support/knowledgeCopy';
import { SHARED_DIR } from '../../src/knowledge/paths';

/** kb:check on the safety exemplars: schema, duplicates, no copy of an evaluation line, the model fitted on them. */
describe('kb:check: the safety exemplars', function () {
  this.timeout(60_000);

  it('finds the shipped exemplars valid and the model fitted on them', () => {
    expect(runKbCheck().filter((p) => p.startsWith('safety/'))).to.deep.equal([]);
  });

  it('refuses an exemplar copied from an evaluation set, naming the file and kind', () => {
    const dir = copyKnowledge();
    const line = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'eval', 'safety-dev.jsonl'), 'utf8').split('\n')[0]) as { q: string };
    editFile(dir, 'safety/exemplars.yaml', '  suicidal:\n', `  suicidal:\n    - ${JSON.stringify(line.q.toLowerCase())}\n`);
    expect(runKbCheck(dir).some((p) => /^safety\/exemplars\.yaml: urgent\.suicidal: .* too close to a line of safety-dev\.jsonl/.test(p))).to.equal(true);
  });

  it('says when the model was fitted on other exemplars', () => {
    const dir = copyKnowledge();
    editFile(dir, 'safety/exemplars.yaml', '  suicidal:\n', '  suicidal:\n    - a brand new exemplar the model has never seen\n');
    expect(runKbCheck(dir)).to.include('safety/safety-model.json: exemplarsHash: was fitted on other exemplars: run npm run safety:fit -- --write');
  });

  it('refuses a missing kind and a line given twice', () => {
    const dir = copyKnowledge();
    editFile(dir, 'safety/exemplars.yaml', /\n {2}ligature:\n/, '\n  ligatures:\n');
    expect(runKbCheck(dir).some((p) => p.startsWith('safety/exemplars.yaml: '))).to.equal(true);
    const dir2 = copyKnowledge();
    editFile(dir2, 'safety/exemplars.yaml', '  suicidal:\n', '  suicidal:\n    - i want to kill myself\n');
    expect(runKbCheck(dir2).some((p) => /^safety\/exemplars.yaml: urgent.suicidal: .*(duplicate|already given)/.test(p))).to.equal(true);
  });
});
