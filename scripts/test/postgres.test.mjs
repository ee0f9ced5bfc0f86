// The devnet's private PostgreSQL cluster (scripts/lib/postgres.mjs): Debian's binaries, a
// directory of its own, password authentication on 127.0.0.1 only, and data that outlives a
// restart of the server. What no other test shows: that the cluster starts and stops without a
// system service, also when the tests run as root.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../lib/network.mjs';
import { Postgres, PostgresError } from '../lib/postgres.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-e2e-postgres-'));
fs.chmodSync(dir, 0o755);
let pg = null;

after(async () => {
  if (pg && await pg.ready()) await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a private cluster starts, keeps a committed row across a restart, and refuses a wrong password', async () => {
  pg = new Postgres({ dir: path.join(dir, 'pg'), port: await freePort() });
  assert.equal(await pg.init(), true);
  assert.equal(await pg.init(), false, 'an existing cluster is kept');
  await pg.start();
  assert.ok(await pg.ready());
  await pg.createDatabase('allmende');
  await pg.createDatabase('allmende');
  await pg.sql('CREATE TABLE job (id integer PRIMARY KEY, status text NOT NULL)', 'allmende');
  await pg.sql("INSERT INTO job VALUES (7, 'Settled')", 'allmende');
  await pg.stop();
  assert.equal(await pg.ready(), false);
  await pg.start();
  assert.deepEqual(await pg.sql('SELECT id, status FROM job', 'allmende'), [['7', 'Settled']]);
  const wrong = Object.create(pg, { password: { value: 'not the password' } });
  await assert.rejects(wrong.sql('SELECT 1'), (e) => e instanceof PostgresError && /password authentication failed/.test(e.message));
  await assert.rejects(pg.createDatabase('x; DROP TABLE job'), /not a plain database name/);
});
