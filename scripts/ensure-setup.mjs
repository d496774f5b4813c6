// Makes a fresh clone ready before `npm start` and `npm test`: installs the pinned
// dependencies (npm ci) when node_modules is missing or older than package-lock.json.
// Plain Node, no dependencies, so it runs before anything is installed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');

const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  console.log('Installing the pinned dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

// The Web Chat bundle for the chat page (public/vendor/webchat.js, not kept in git).
const { fetchWebChat } = await import('./fetch-webchat.mjs');
fetchWebChat();

// The knowledge base's sentence vectors (.cache/vectors, not kept in git), built when missing
// or stale so the server is ready within seconds of starting.
execSync('npx tsx scripts/build-vectors.ts', { cwd: root, stdio: 'inherit' });
