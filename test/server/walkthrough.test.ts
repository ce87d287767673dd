import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

describe('the server README walk-through, run as written with curl', () => {
  const data = mkdtempSync(join(tmpdir(), 'cp-walk-'));
  let port = 0;
  let server: ReturnType<typeof spawn>;
  let banner = '';
  beforeAll(async () => {
    port = await freePort();
    server = spawn(process.execPath, [join(repo, 'server/dist/main.js')], {
      cwd: repo,
      env: { ...process.env, DATA_DIR: data, PORT: String(port), LOG_LEVEL: 'warn' },
    });
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start:\n${banner}`)), 30_000);
      server.stdout!.on('data', (d) => {
        banner += d;
        if (banner.includes('is running on')) {
          clearTimeout(timer);
          ready();
        }
      });
      server.on('exit', (code) => fail(new Error(`server exited ${code}:\n${banner}`)));
    });
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  });

  it('prints the URL and how to sign in', () => {
    expect(banner).toContain(`Care Pathways is running on http://localhost:${port}`);
    expect(banner).toMatch(/clinician\s+cpk_/);
  });

  it('enrols a patient, takes a PHQ-9 and shows the engagement task in the worklist', () => {
    const readme = readFileSync(join(repo, 'server/README.md'), 'utf8');
    const block = /<!-- walkthrough:start -->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(
      readme,
    )![1]!;
    const script = block
      .replaceAll('http://localhost:3000', `http://127.0.0.1:${port}`)
      .replaceAll('./data/demo-keys.json', join(data, 'demo-keys.json'));
    // A plain shell, as a newcomer's terminal runs it: no BASH_ENV start-up file from the host.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-euo', 'pipefail', '-c', script], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, BASH_ENV: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const tasks = JSON.parse(r.stdout);
    const mine = tasks.filter((t: { patientRef: string }) => t.patientRef === 'MRN-1001');
    expect(mine).toEqual([
      expect.objectContaining({
        pathwayId: 'cocm-depression',
        node: 'engage',
        role: 'care-manager',
        priority: 'routine',
        status: 'open',
      }),
    ]);
  });
});
