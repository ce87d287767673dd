// A scheduler process: runs the server's scheduler loop (dist/scheduler.js → fireDueTimers) on the
// database named by DATABASE_URL or DATA_DIR with a fixed clock, NOW, until no timer is due, then
// stops and exits. With GO=stdin it prints {"ready":true} and waits for a line on stdin first, so
// several processes start firing at the same moment. Its last line is
// {"done":true,"fired":<timers it fired>,"warnings":[…]}; it gives up (exit 2) after DEADLINE_MS.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { openDb } from '../../dist/db/connect.js';
import { startScheduler } from '../../dist/scheduler.js';

const { NOW, DATABASE_URL, DATA_DIR, GO } = process.env;
const deadline = Date.now() + Number(process.env.DEADLINE_MS ?? 20_000);
const emit = (o) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...o })}\n`);
if (!NOW || Number.isNaN(Date.parse(NOW))) throw new Error('NOW must be an ISO time');

const handle = openDb(DATABASE_URL ? { databaseUrl: DATABASE_URL } : { dataDir: DATA_DIR });
let fired = 0;
const warnings = [];
const log = {
  info: (msg, f) => {
    if (msg === 'timers fired') fired += f.count;
  },
  warn: (msg, f) => warnings.push({ msg, ...f }),
  error: (msg, f) => warnings.push({ msg, ...f }),
};
const deps = { handle, now: () => NOW, newId: randomUUID, library: [], log };
const due = async () =>
  Number(
    (
      await handle.db
        .selectFrom('timers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'scheduled')
        .where('due_at', '<=', NOW)
        .executeTakeFirstOrThrow()
    ).n,
  );

if (GO === 'stdin') {
  await due(); // connect before the start line, so every process starts equally warm
  emit({ ready: true });
  const stdin = createInterface({ input: process.stdin });
  const go = await new Promise((r) =>
    stdin.once('line', () => r(true)).once('close', () => r(false)),
  );
  if (!go) process.exit(3); // the parent went away before the start
}
const scheduler = startScheduler(deps, 50);
let code = 0;
// Due timers locked by another process still count as due, so a process waits for the others'
// transactions to commit before it concludes that nothing is left.
while ((await due()) > 0) {
  if (Date.now() > deadline) {
    emit({ error: 'timers still due at the deadline', due: await due() });
    code = 2;
    break;
  }
  await new Promise((r) => setTimeout(r, 20));
}
await scheduler.stop();
await handle.close();
emit({ done: true, fired, warnings });
process.exit(code);
