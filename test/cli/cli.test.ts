import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real binary, as a user runs it (`npx pathways` resolves to this file).
const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'engine/bin/pathways.js');
const fixture = join(repo, 'engine/test/fixtures/depression.json');

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'pathways-cli-'));
const write = (dir: string, name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('the README walk-through', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(readme)![1]!);

  it('validates the two-node pathway a newcomer writes from the README', () => {
    const dir = tmp();
    const r = run(['validate', write(dir, 'anxiety-screen.json', example)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('anxiety-screen.json: valid');
  });

  it('explains the out-of-range constant the README asks you to try', () => {
    const dir = tmp();
    const broken = structuredClone(example);
    broken.transitions[0].when['>='][1] = 30;
    const r = run(['validate', write(dir, 'anxiety-screen.json', broken)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('condition.constant-out-of-range at $.transitions[0].when[">="][1]');
    expect(r.stdout).toContain('between 0 and 21');
  });

  it('simulates the README patient to the behavioural-health handoff', () => {
    const dir = tmp();
    const script = JSON.parse(/cat > patient.json <<'JSON'\n([\s\S]*?)\nJSON/.exec(readme)![1]!);
    const r = run([
      'simulate',
      write(dir, 'a.json', example),
      '--script',
      write(dir, 'p.json', script),
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ status: 'active', active: ['see-bhc'], outcome: null });
    expect(out.facts.gad7).toMatchObject({ latest: 11, band: 'moderate' });
    expect(out.open.tasks).toEqual([
      expect.objectContaining({ role: 'behavioral-health-clinician' }),
    ]);
  });

  it('scores the README examples as the README says', () => {
    const phq9 = JSON.parse(run(['score', 'phq9', '1,1,2,0,1,0,1,0,1']).stdout);
    expect(phq9).toMatchObject({ total: 7, band: 'mild', critical: true, criticalItems: [9] });
    expect(JSON.parse(run(['score', 'auditc', '2,1,0', '--sex', 'male']).stdout)).toMatchObject({
      total: 3,
      positive: false,
    });
    expect(JSON.parse(run(['score', 'auditc', '2,1,0', '--sex', 'female']).stdout)).toMatchObject({
      total: 3,
      positive: true,
    });
    expect(JSON.parse(run(['score', 'epds', '0,0,3,0,3,3,3,3,3,3']).stdout)).toMatchObject({
      total: 0,
      critical: false,
    });
    expect(JSON.parse(run(['score', 'cssrs', '1,0,,,,0,']).stdout)).toMatchObject({
      total: null,
      risk: 'low',
    });
  });
});

describe('pathways validate', () => {
  it('exits 1 and names each problem by code and path', () => {
    const dir = tmp();
    const r = run([
      'validate',
      write(dir, 'bad.json', {
        schemaVersion: 1,
        id: 'x',
        title: 'X',
        instruments: ['phq9'],
        start: 's',
        nodes: [{ id: 's', kind: 'screen', instrument: 'phq9' }],
        transitions: [],
      }),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error node.dead-end at $.nodes[0]');
    expect(r.stdout).toContain('error safety.no-route at $.safety');
  });

  it('gives the same problems as data with --json', () => {
    const dir = tmp();
    const r = run(['validate', '--json', fixture, write(dir, 'nope.json', '{ not json')]);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout);
    expect(reports.map((x: { valid: boolean }) => x.valid)).toEqual([true, false]);
    expect(reports[1].errors[0]).toMatchObject({ code: 'file.invalid-json', path: '$' });
  });

  it('reports a missing file, and exits 2 on usage errors', () => {
    expect(run(['validate', 'missing.json'])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('no such file: missing.json'),
    });
    expect(run(['validate']).code).toBe(2);
    expect(run(['validate', '--frobnicate', fixture]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('checks a practice overlay against the parameter bounds', () => {
    const dir = tmp();
    const r = run(['validate', fixture, '--params', write(dir, 'o.json', { followUpDays: 60 })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('param.out-of-bounds at $.params.followUpDays');
  });
});

describe('pathways score', () => {
  it('exits 1 with the item and allowed values on a bad answer', () => {
    const r = run(['score', 'phq9', '0,0,0,0,4,0,0,0,0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PHQ-9 item 5 must be 0–3 (got 4)');
    expect(run(['score', 'phq9', '0,x']).code).toBe(1);
    expect(run(['score', 'phq10', '0']).code).toBe(1);
    expect(run(['score', 'phq9']).code).toBe(2);
  });
});

describe('pathways simulate, diff, render, facts, schema', () => {
  it('resolves a library id through the library folder', () => {
    const lib = tmp();
    execFileSync('mkdir', ['-p', join(lib, 'depression-mini')]);
    writeFileSync(join(lib, 'depression-mini', 'pathway.json'), readFileSync(fixture));
    const script = write(lib, 's.json', {
      start: '2026-01-05T09:00:00Z',
      events: [
        {
          type: 'instrument.completed',
          instrument: 'phq2',
          answers: [0, 0],
          at: '2026-01-05T09:05:00Z',
        },
      ],
    });
    const r = run(['simulate', 'depression-mini', '--script', script], {
      env: { PATHWAYS_LIBRARY: lib },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: 'completed',
      outcome: 'screen-negative',
      active: ['negative'],
    });
  });

  it('refuses a script event the pathway cannot take, with its path', () => {
    const dir = tmp();
    const r = run([
      'simulate',
      fixture,
      '--script',
      write(dir, 's.json', {
        start: '2026-01-05T09:00:00Z',
        events: [{ type: 'timer.fired', timer: 'x#9', at: '2026-01-06T00:00:00Z' }],
      }),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('event.timer-not-open at $.events[0].timer');
  });

  it('diffs semantically: 0 when only layout differs, 1 with the changes', () => {
    const dir = tmp();
    const raw = JSON.parse(readFileSync(fixture, 'utf8'));
    const moved = write(dir, 'moved.json', { ...raw, layout: { severity: { x: 10, y: 10 } } });
    expect(run(['diff', fixture, moved]).code).toBe(0);
    raw.parameters.followUpDays.default = 28;
    const r = run(['diff', fixture, write(dir, 'changed.json', raw)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ parameter followUpDays (default)');
  });

  it('renders Mermaid, lists facts, and prints the JSON Schema', () => {
    expect(run(['render', fixture, '--format', 'mermaid']).stdout.startsWith('flowchart TD')).toBe(
      true,
    );
    expect(run(['render', fixture, '--format', 'png']).code).toBe(2);
    expect(run(['facts', fixture]).stdout).toContain('phq9.latest');
    const schema = JSON.parse(run(['schema']).stdout);
    expect(schema.title).toContain('schemaVersion 1');
  });
});
