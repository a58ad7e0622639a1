// Run as root, embedded PostgreSQL runs its binaries and data as the `postgres` system user,
// which must be able to reach them: every directory above them needs the execute (search)
// bit for others. A clone inside a 0700 temp dir (mktemp -d) would otherwise fail with
// EACCES. Granting o+x lets the user pass through; it does not let anyone list a directory.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function ensureTraversable(target: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const changed: string[] = [];
  let dir = path.resolve(target);
  for (;;) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat?.isDirectory() && (stat.mode & 0o001) === 0) {
      await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return changed;
    dir = parent;
  }
}
