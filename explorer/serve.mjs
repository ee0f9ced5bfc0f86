// Serves the built explorer (explorer/dist) over HTTP on loopback.
//   node explorer/serve.mjs [--port 8800] [--host 127.0.0.1]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
const SELF = fileURLToPath(import.meta.url);
export const DIST = path.join(path.dirname(SELF), 'dist');

// The page loads only its own files and talks WebSocket to the node it is given and HTTP to
// the indexer it is given (?indexer=).
// 'wasm-unsafe-eval' lets @polkadot/util-crypto compile its WebAssembly.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ws: wss: http: https:; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function fail(res, status, text) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(`${text}\n`);
}

/** Starts a static server for `dir`; resolves with the server once it listens. */
export async function serveExplorer({ dir = DIST, port = 0, host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root} has no built explorer: run node explorer/build.mjs`);
  }
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'only GET and HEAD');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return fail(res, 400, 'bad path');
    }
    const file = path.join(root, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(root + path.sep)) return fail(res, 404, 'not found');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return fail(res, 404, 'not found');
      res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      res.setHeader('content-security-policy', CSP);
      res.setHeader('x-content-type-options', 'nosniff');
      if (req.method === 'HEAD') return res.end();
      // A file removed or unreadable meanwhile (a rebuild) ends this response, not the server.
      pipeline(fs.createReadStream(file), res, (e) => {
        if (e && !res.headersSent) fail(res, 500, 'cannot read');
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8800' }, host: { type: 'string', default: '127.0.0.1' } } });
  const server = await serveExplorer({ port: Number(values.port), host: values.host }).catch((e) => {
    console.error(`explorer: ${e.message}`);
    process.exit(1);
  });
  console.log(`explorer: http://${values.host}:${server.address().port}/`);
}
