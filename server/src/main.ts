import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate, openDb } from './db/connect.js';
import type { Deps } from './domain/deps.js';
import { defaultLibraryDir, loadLibrary } from './library.js';
import { jsonLogger } from './log.js';
import { startScheduler } from './scheduler.js';
import { defaultDesignerDir } from './static.js';
import { saveDemoKeys, seedDemo } from './seed.js';

const config = loadConfig(process.env);
const log = jsonLogger((l) => process.stdout.write(l), config.LOG_LEVEL);
const handle = openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await migrate(handle);
const deps: Deps = {
  handle,
  now: () => new Date().toISOString(),
  newId: randomUUID,
  library: loadLibrary(defaultLibraryDir(), log),
  log,
};

const embedded = handle.dialect === 'sqlite';
let demoFile: string | null = null;
if (config.DEMO === '1' || (config.DEMO === undefined && embedded)) {
  const demo = await seedDemo(deps);
  if (demo && embedded) demoFile = saveDemoKeys(config.DATA_DIR, demo);
  else if (demo) log.info('demo practice created', { practiceId: demo.practiceId });
  else if (embedded && existsSync(join(config.DATA_DIR, 'demo-keys.json')))
    demoFile = join(config.DATA_DIR, 'demo-keys.json');
}

const designerDir = defaultDesignerDir();
const app = createApp(deps, { adminToken: config.ADMIN_TOKEN, designerDir });
const scheduler = startScheduler(deps, config.SCHEDULER_INTERVAL_MS);
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const url = `http://localhost:${info.port}`;
  const lines = [
    '',
    `Care Pathways is running on ${url}  (${handle.dialect}${embedded ? `, data in ${config.DATA_DIR}` : ''}; ${deps.library.length} library pathways)`,
    `  Designer and worklist: ${url}/   API reference: ${url}/api/docs`,
  ];
  if (demoFile) {
    const keys = JSON.parse(readFileSync(demoFile, 'utf8')).keys as Record<string, string>;
    lines.push(
      `  Sign in with a demo key (all in ${demoFile}):`,
      ...Object.entries(keys).map(([role, key]) => `    ${role.padEnd(10)} ${key}`),
      // The roles split design, publishing and care (src/http/auth.ts); admin holds them all.
      '  One person doing everything (edit, publish, set live, worklist): use the admin key.',
    );
    lines.push(`  e.g. curl -H "Authorization: Bearer ${keys.clinician}" ${url}/api/tasks`);
  }
  if (!config.ADMIN_TOKEN)
    lines.push('  (set ADMIN_TOKEN to create practices and keys through /api/admin)');
  process.stdout.write(`${lines.join('\n')}\n\n`);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info('shutting down', { signal });
  await scheduler.stop();
  await new Promise<void>((done) => server.close(() => done()));
  await handle.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
