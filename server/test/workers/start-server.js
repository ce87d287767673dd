// Starts the real server (dist/main.js, configured by the environment like `node dist/main.js`),
// but only once a line arrives on stdin: its modules are loaded first and {"ready":true} printed,
// so that several processes can be started at the same instant (migrations racing on start).
// Stop it with SIGTERM (or by closing its stdin).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

// Everything main.js imports, loaded (not run) ahead of the start line.
const main = new URL('../../dist/main.js', import.meta.url);
const imports = [...readFileSync(main, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)];
await Promise.all(imports.map(([, s]) => import(s.startsWith('.') ? new URL(s, main).href : s)));
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
const stdin = createInterface({ input: process.stdin });
const go = await new Promise((r) =>
  stdin.once('line', () => r(true)).once('close', () => r(false)),
);
if (!go) process.exit(3); // the parent went away before the start
// Should the parent go away later, stop as the server stops (never left running on its own).
stdin.once('close', () => process.kill(process.pid, 'SIGTERM'));
await import(main.href);
