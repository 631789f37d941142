// The files of a build folder: paths relative to it with '/' separators, sorted, without the
// precompressed .gz/.br copies. Shared by the post-build steps (offline, compress, size report).
import fs from 'node:fs';
import path from 'node:path';

export function distFiles(dir) {
  const out = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(gz|br)$/.test(p)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  })(dir);
  return out.sort();
}
