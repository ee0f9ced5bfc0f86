// Builds the explorer into dist/: one bundled, minified script, the page and its style sheet.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist');
// Built beside dist/ and swapped in at the end, so a server serving dist/ never sees half a build.
const tmp = path.join(here, 'dist.tmp');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
const result = await esbuild.build({
  entryPoints: [path.join(here, 'src', 'main.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: path.join(tmp, 'app.js'),
  metafile: true,
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) fs.copyFileSync(path.join(here, 'src', f), path.join(tmp, f));
fs.rmSync(out, { recursive: true, force: true });
fs.renameSync(tmp, out);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.error(`explorer: built ${path.relative(process.cwd(), out)} (app.js ${(bytes / 1024).toFixed(0)} KiB)`);
