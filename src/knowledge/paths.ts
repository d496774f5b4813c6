import path from 'node:path';

/** The repository root (two levels above this file, in src/ or in dist/src/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'dist' ? ['..'] : []));

/** The shipped knowledge folder. */
export const DEFAULT_KNOWLEDGE_DIR = path.join(REPO_ROOT, 'knowledge');

/** The team's shared folder (source documents, reference data, evaluation set), beside the clone. */
export const SHARED_DIR = process.env.SHARED_DIR ? path.resolve(process.env.SHARED_DIR) : path.resolve(REPO_ROOT, '..', 'shared');
