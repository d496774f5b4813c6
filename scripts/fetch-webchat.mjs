// Puts the Bot Framework Web Chat bundle in public/vendor/webchat.js so the chat page is served
// by our own server, with no CDN. The bundle comes from the npm registry (`npm pack`, which
// checks the tarball's integrity) and is checked again here against a pinned SHA-256.
// Plain Node, no dependencies: it runs before or without node_modules. Run it directly with
// `node scripts/fetch-webchat.mjs`; scripts/ensure-setup.mjs runs it before `npm start` / `npm test`.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WEBCHAT_PACKAGE = 'botframework-webchat';
export const WEBCHAT_VERSION = '4.18.1';
/** SHA-256 of package/dist/webchat.js in botframework-webchat@4.18.1. */
export const WEBCHAT_SHA256 = '0a68ad0a64fc04d621197da10c3eec0f843e16f7d03f6bcbed29b47517cf9bff';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vendorDir = path.join(root, 'public', 'vendor');
export const WEBCHAT_FILE = path.join(vendorDir, 'webchat.js');
const licenceFile = path.join(vendorDir, 'webchat.js.LICENSE.txt');
const sourceFile = path.join(vendorDir, 'SOURCE.md');

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const SOURCE_MD = `# public/vendor

\`webchat.js\` is the Bot Framework Web Chat bundle (\`window.WebChat\`) from the npm package
\`${WEBCHAT_PACKAGE}@${WEBCHAT_VERSION}\` (file \`package/dist/webchat.js\`), licence MIT,
copyright Microsoft Corporation. \`webchat.js.LICENSE.txt\` is the package's notice file for the
third-party code bundled in it.

Neither file is kept in git: \`node scripts/fetch-webchat.mjs\` (run by \`npm start\` and
\`npm test\` through scripts/ensure-setup.mjs) fetches them with \`npm pack\` and checks
webchat.js against SHA-256 \`${WEBCHAT_SHA256}\`.
`;

/** Fetches the bundle when it is missing or not the pinned one. Returns what it did. */
export function fetchWebChat({ log = console.log } = {}) {
  fs.mkdirSync(vendorDir, { recursive: true });
  if (!fs.existsSync(sourceFile) || fs.readFileSync(sourceFile, 'utf8') !== SOURCE_MD) fs.writeFileSync(sourceFile, SOURCE_MD);
  if (fs.existsSync(WEBCHAT_FILE) && sha256(WEBCHAT_FILE) === WEBCHAT_SHA256) return 'present';

  log(`Fetching the Web Chat bundle (${WEBCHAT_PACKAGE}@${WEBCHAT_VERSION}, npm pack)…`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const out = execFileSync(npm, ['pack', `${WEBCHAT_PACKAGE}@${WEBCHAT_VERSION}`, '--json', '--pack-destination', tmp], {
      cwd: tmp,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    });
    const tarball = path.join(tmp, JSON.parse(out)[0].filename);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, 'package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt'], { stdio: 'inherit' });
    const extracted = path.join(tmp, 'package', 'dist', 'webchat.js');
    const digest = sha256(extracted);
    if (digest !== WEBCHAT_SHA256) {
      throw new Error(`webchat.js from ${WEBCHAT_PACKAGE}@${WEBCHAT_VERSION} has SHA-256 ${digest}, expected ${WEBCHAT_SHA256}; not installed.`);
    }
    fs.copyFileSync(path.join(tmp, 'package', 'dist', 'webchat.js.LICENSE.txt'), licenceFile);
    // Copy then rename, so a half-written bundle is never served.
    fs.copyFileSync(extracted, `${WEBCHAT_FILE}.part`);
    fs.renameSync(`${WEBCHAT_FILE}.part`, WEBCHAT_FILE);
    log(`Web Chat bundle saved to ${path.relative(root, WEBCHAT_FILE)}.`);
    return 'fetched';
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    fetchWebChat();
  } catch (err) {
    console.error(`Could not fetch the Web Chat bundle: ${err.message}`);
    process.exit(1);
  }
}
