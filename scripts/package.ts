// npm run package — builds dist/app.zip, the package the App Service Web App runs
// (`node dist/src/index.js`, as deploymentTemplates/main.bicep sets): the built JavaScript
// (dist/src, dist/dialogs), knowledge/, public/ with the Web Chat bundle, package.json and its
// lock file, the deployment's own deployment.json when there is one, and the production
// dependencies (`npm ci --omit=dev` in a staging folder).
//
// better-sqlite3 is a native module built for the Node.js that installs it, so build the package
// with the Node major the Web App runs (RUNTIME_NODE_MAJOR); `--any-node` builds anyway (to look
// at it, not to deploy it). `--skip-install` leaves out node_modules (for the test of its layout).
// `--out <file>` writes elsewhere.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { REPO_ROOT } from '../src/knowledge/paths';

/** The Node.js major of the Web App (main.bicep's linuxFxVersion NODE|22-lts; the template test checks they agree). */
export const RUNTIME_NODE_MAJOR = 22;
export const PACKAGE_ZIP = path.join(REPO_ROOT, 'dist', 'app.zip');
/** What goes in, from the repository root: folders whole, files as they are. */
// .cache/vectors: the knowledge base's sentence vectors, built by the set-up, so each instance
// starts ready instead of working them out again.
export const PACKAGE_CONTENT = ['dist/src', 'dist/dialogs', 'knowledge', 'public', '.cache/vectors', 'package.json', 'package-lock.json'] as const;
/** Files that go in only when the deployment has them (its own contact details: DEPLOYMENT_CONFIG). */
export const OPTIONAL_CONTENT = ['deployment.json'] as const;

export interface PackageOptions {
  out?: string;
  /** Leave out node_modules (no `npm ci`). */
  skipInstall?: boolean;
  /** Build with a Node major other than RUNTIME_NODE_MAJOR. */
  anyNode?: boolean;
  log?: (line: string) => void;
}

/** Why this Node cannot build a deployable package, or undefined when it can. */
export function nodeProblem(version = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  if (major === RUNTIME_NODE_MAJOR) return undefined;
  return `this is Node ${version}, but the Web App runs Node ${RUNTIME_NODE_MAJOR} and better-sqlite3 is a native module built for the Node that installs it: build the package with Node ${RUNTIME_NODE_MAJOR} (or pass --any-node to build one only to look at)`;
}

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
}

/** Every file under `dir` (relative, with /), skipping symbolic links and node_modules/.bin. */
function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink() || rel.endsWith('node_modules/.bin')) continue;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Builds the package; returns where it is and what is in it. */
export function buildPackage(options: PackageOptions = {}): { zip: string; files: number; bytes: number } {
  const log = options.log ?? console.log;
  const problem = nodeProblem();
  if (problem && !options.anyNode) throw new Error(problem);
  if (problem) log(`Warning: ${problem}.`);

  log('Building the JavaScript (tsc -p tsconfig.build.json)…');
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], REPO_ROOT);
  log('Checking the Web Chat bundle (public/vendor/webchat.js)…');
  run(process.execPath, [path.join('scripts', 'fetch-webchat.mjs')], REPO_ROOT);

  const staging = path.join(REPO_ROOT, 'dist', 'package-staging');
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  for (const item of [...PACKAGE_CONTENT, ...OPTIONAL_CONTENT.filter((f) => fs.existsSync(path.join(REPO_ROOT, f)))]) {
    const from = path.join(REPO_ROOT, item);
    if (!fs.existsSync(from)) throw new Error(`${item} is missing: the package needs it`);
    fs.cpSync(from, path.join(staging, item), { recursive: true });
  }
  for (const needed of ['dist/src/index.js', 'public/vendor/webchat.js', 'knowledge/answers']) {
    if (!fs.existsSync(path.join(staging, needed))) throw new Error(`${needed} is not in the package`);
  }
  if (!options.skipInstall) {
    log('Installing the production dependencies (npm ci --omit=dev)…');
    run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], staging);
  }

  const files = filesUnder(staging);
  const zippable: Zippable = {};
  let bytes = 0;
  for (const rel of files) {
    const data = fs.readFileSync(path.join(staging, rel));
    bytes += data.length;
    zippable[rel] = [data, { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  const out = options.out ?? PACKAGE_ZIP;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zipSync(zippable, { level: 6 }));
  fs.rmSync(staging, { recursive: true, force: true });
  return { zip: out, files: files.length, bytes };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    const { zip, files, bytes } = buildPackage({
      out: outAt >= 0 ? path.resolve(args[outAt + 1] ?? '') : undefined,
      skipInstall: args.includes('--skip-install'),
      anyNode: args.includes('--any-node'),
    });
    const size = fs.statSync(zip).size;
    console.log(`App Service package written to ${path.relative(process.cwd(), zip)}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB unpacked, ${(size / 1e6).toFixed(1)} MB zipped.`);
    console.log('Deploy it with: az webapp deploy --resource-group <group> --name <botName> --src-path dist/app.zip --type zip');
  } catch (err) {
    console.error(`Cannot build the package: ${(err as Error).message}`);
    process.exit(1);
  }
}
