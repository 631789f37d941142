// Post-build: writes a precompressed copy of every text and wasm file of dist/ beside it
// (name.gz at gzip level 9, name.br at brotli quality 11), for servers that send them as they are
// (nginx gzip_static / brotli_static, most CDNs): the best compression at no cost per request.
// Run last, after every other step has written its files. Usage: node scripts/compress.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { distFiles } from './dist-files.mjs';

const dist = process.argv[2] ?? 'dist';
const TEXT = /\.(html|js|css|wasm|json|svg|webmanifest|txt)$/;
let count = 0;
for (const rel of distFiles(dist).filter((f) => TEXT.test(f))) {
  const p = path.join(dist, rel);
  const b = fs.readFileSync(p);
  fs.writeFileSync(`${p}.gz`, zlib.gzipSync(b, { level: 9 }));
  fs.writeFileSync(`${p}.br`, zlib.brotliCompressSync(b, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
  }));
  count += 1;
}
console.log(`precompressed: ${count} files (.gz and .br beside each)`);
