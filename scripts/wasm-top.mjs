// What the wasm is made of (first-view issue): the code of each function in the module cargo
// built (before wasm-bindgen and wasm-opt, which strip the names), summed by crate and by the
// app's module, with the largest functions. The shares carry over to the shipped file; the
// bytes are before optimisation. Reads the wasm's own name section (no tool to install).
// Usage: node scripts/wasm-top.mjs [path to app.wasm] [rows, default 12]
import fs from 'node:fs';

const file = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/app.wasm';
const ROWS = Number(process.argv[3] ?? 12);
if (!fs.existsSync(file)) {
  console.log(`wasm composition: ${file} not found (built by trunk build --release)`);
  process.exit(0);
}
const b = fs.readFileSync(file);
let at = 8;
const leb = () => {
  let v = 0; let shift = 0; let byte;
  do { byte = b[at++]; v += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return v;
};
const str = () => { const n = leb(); const s = b.toString('utf8', at, at + n); at += n; return s; };
let imported = 0;
const sizes = [];
const names = new Map();
while (at < b.length) {
  const id = b[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    for (let n = leb(), i = 0; i < n; i++) {
      str(); str();
      const kind = b[at++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { at++; const f = b[at++]; leb(); if (f & 1) leb(); } else if (kind === 2) { const f = b[at++]; leb(); if (f & 1) leb(); } else if (kind === 3) { at += 2; } else leb();
    }
  } else if (id === 10) {
    for (let n = leb(), i = 0; i < n; i++) { const s = leb(); sizes.push(s); at += s; }
  } else if (id === 0) {
    const name = str();
    if (name === 'name') {
      while (at < end) {
        const sub = b[at++];
        const len = leb();
        const subEnd = at + len;
        if (sub === 1) for (let n = leb(), i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); }
        at = subEnd;
      }
    }
  }
  at = end;
}
// Rust's legacy mangling (`_ZN3app6export3svg8document17h…E`) to a path (`app::export::svg::document`).
const ESC = { '$LT$': '<', '$GT$': '>', '$u20$': ' ', '$RF$': '&', '$C$': ',', '$BP$': '*', '$SP$': '@', '$u27$': "'", '$u5b$': '[', '$u5d$': ']', '$u7b$': '{', '$u7d$': '}', '$u3b$': ';', '$u2b$': '+', '$u22$': '"' };
const demangle = (n) => {
  const m = n.match(/^_ZN(.*)E$/);
  if (!m) return n;
  const parts = [];
  let s = m[1];
  while (s.length) {
    const d = s.match(/^(\d+)/);
    if (!d) break;
    const len = Number(d[1]);
    parts.push(s.slice(d[1].length, d[1].length + len));
    s = s.slice(d[1].length + len);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.map((p) => p.replace(/^_\$/, '$').replace(/\$[A-Za-z0-9]+\$/g, (e) => ESC[e] ?? e).replace(/\.\./g, '::')).join('::');
};
const total = sizes.reduce((a, x) => a + x, 0);
const fns = sizes.map((s, i) => ({ size: s, name: demangle(names.get(i + imported) ?? `func[${i + imported}]`) }));
// The crate of a function: the first path segment of its (demangled) name, trait impls
// (`<a::B as c::D>::f`) counted with their type's crate; the app's own code by module.
const owner = (n) => {
  let m = n;
  // `<a::B as c::D>::f`: the type's crate, or the trait's for a generic type (`<F as …>`).
  const impl = n.match(/^<&?(?:mut )?([^ ]+) as ([^>]+)>/);
  if (impl) m = impl[1].includes('::') ? impl[1] : impl[2];
  const seg = m.replace(/^[<&]+/, '').split('::');
  if (seg[0] === 'app' && seg.length > 2) return `app::${seg[1]}`;
  if (/^_R/.test(seg[0])) return '(v0-mangled: core, alloc)';
  return seg[0].split(/[ <>]/)[0] || '(other)';
};
const by = new Map();
for (const f of fns) by.set(owner(f.name), (by.get(owner(f.name)) ?? 0) + f.size);
const pct = (x) => `${((x / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`wasm composition (${file}: ${fns.length} functions, ${total} bytes of code before wasm-opt)`);
console.log('  by crate / app module:');
for (const [k, v] of [...by].sort((a, c) => c[1] - a[1]).slice(0, ROWS)) console.log(`    ${k.slice(0, 44).padEnd(44)} ${String(v).padStart(8)}  ${pct(v)}`);
console.log('  largest functions:');
for (const f of fns.sort((a, c) => c.size - a.size).slice(0, ROWS)) console.log(`    ${f.name.slice(0, 90).padEnd(90)} ${String(f.size).padStart(7)}`);
