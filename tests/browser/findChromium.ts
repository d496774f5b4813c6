import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/knowledge/paths';

/** Debian's packages: the headless shell is what a test needs, and is smaller than the browser. */
export const CHROMIUM_PACKAGES = ['chromium-headless-shell', 'chromium-common'];
/** Where a Chromium unpacked without root goes (`apt-get download` + `dpkg -x`). */
export const LOCAL_CHROMIUM_DIR = path.join(REPO_ROOT, '.cache', 'chromium');

/** The flags the browser tests launch Chromium with (no sandbox: tests run as root in CI). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

function candidates(): string[] {
  const local = (p: string) => path.join(LOCAL_CHROMIUM_DIR, 'root', p);
  return [
    process.env.CHROMIUM_PATH ?? '',
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium-browser',
    local('usr/lib/chromium/chromium-headless-shell'),
    local('usr/lib/chromium/chromium'),
  ].filter(Boolean);
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function found(): string | undefined {
  return candidates().find(executable);
}

/** Which Chromium a binary is: the headless shell, or the full browser. */
export function chromiumKind(file: string): 'headless-shell' | 'full' {
  return /headless-shell/.test(path.basename(file)) ? 'headless-shell' : 'full';
}

/**
 * Every kind of Chromium on this machine, one binary each (the headless shell and the full
 * browser behave differently: the full one asks for /favicon.ico): the browser tests run in
 * each. CHROMIUM_PATH, when set, is the only one. Installs the headless shell when there is none.
 */
export function findChromiums(): string[] {
  if (process.env.CHROMIUM_PATH) return [findChromium()];
  const byKind = new Map<string, string>();
  for (const file of candidates().filter(executable)) if (!byKind.has(chromiumKind(file))) byKind.set(chromiumKind(file), file);
  return byKind.size ? [...byKind.values()] : [findChromium()];
}

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(cmd: string, args: string[], cwd?: string): void {
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 10 * 60 * 1000,
  });
}

function aptInstall(): void {
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', ...CHROMIUM_PACKAGES]);
  try {
    install();
  } catch {
    // On a fresh machine the package lists may be missing or stale.
    run('apt-get', ['update']);
    install();
  }
}

function unpackWithoutRoot(): void {
  const debs = path.join(LOCAL_CHROMIUM_DIR, 'debs');
  fs.mkdirSync(debs, { recursive: true });
  run('apt-get', ['download', ...CHROMIUM_PACKAGES], debs);
  for (const deb of fs.readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
    run('dpkg', ['-x', path.join(debs, deb), path.join(LOCAL_CHROMIUM_DIR, 'root')]);
  }
}

/**
 * The path of a Chromium to drive with playwright-core. Looks in CHROMIUM_PATH and the usual
 * places; when there is none, installs Debian's chromium-headless-shell (apt-get as root, or
 * `apt-get download` + `dpkg -x` into .cache/chromium without root). Throws, saying what to
 * do, when it cannot: the browser tests never skip silently.
 */
export function findChromium(): string {
  const existing = found();
  if (existing) return existing;
  const errors: string[] = [];
  if (hasCommand('apt-get')) {
    try {
      if (process.getuid?.() === 0) aptInstall();
      else unpackWithoutRoot();
    } catch (err) {
      const e = err as { message?: string; stderr?: Buffer };
      errors.push(`${e.message ?? err}${e.stderr ? `: ${e.stderr.toString().trim().slice(-500)}` : ''}`);
    }
    const installed = found();
    if (installed) return installed;
  } else {
    errors.push('apt-get is not available on this machine');
  }
  throw new Error(
    `No Chromium for the browser tests, and it could not be installed (${errors.join('; ')}). ` +
      `Install Debian's chromium-headless-shell (apt-get install chromium-headless-shell), or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}
