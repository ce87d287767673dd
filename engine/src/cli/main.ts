import { parseArgs } from 'node:util';
import type { PathwayDefinition } from '../definition/schema.js';
import { factCatalogue } from '../facts/catalogue.js';
import { INSTRUMENT_IDS, type Sex } from '../instruments/types.js';
import { getInstrument, scoreInstrument } from '../instruments/index.js';
import { simulate } from '../runtime/simulate.js';
import { diffPathways, formatDiff } from '../tools/diff.js';
import { pathwayJsonSchema } from '../tools/json-schema.js';
import { toMermaid } from '../tools/mermaid.js';
import { validatePathway } from '../validate/index.js';
import { json, problemLines } from './format.js';
import { readJson, resolvePathway, type Io } from './io.js';

const USAGE = `pathways — validate, score, simulate, compare and draw care pathways

Usage:
  pathways validate <pathway...> [--params <overrides.json>] [--json]
  pathways score <instrument> <answers> [--sex female|male|other] [--threshold <n>]
  pathways simulate <pathway> --script <script.json> [--params <overrides.json>]
  pathways diff <a> <b> [--json]
  pathways render <pathway> [--format mermaid]
  pathways facts <pathway> [--json]
  pathways schema

<pathway> is a file or the id of a library pathway (pathways/<id>/pathway.json).
<answers> are comma-separated form positions (first response = 0; yes/no: 1 = yes, 0 = no);
leave a skipped item empty or write "-", e.g. 1,0,,,,0.
Instruments: ${INSTRUMENT_IDS.join(', ')}.

Exit codes: 0 ok, 1 invalid input (or, for diff, differences found), 2 usage error.
`;

const OK = 0;
const INVALID = 1;
const USAGE_ERROR = 2;

/** Runs the CLI; returns the exit code. `io` is injected so tests run it in-process too. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validateCommand(rest, io);
      case 'score':
        return scoreCommand(rest, io);
      case 'simulate':
        return simulateCommand(rest, io);
      case 'diff':
        return diffCommand(rest, io);
      case 'render':
        return renderCommand(rest, io);
      case 'facts':
        return factsCommand(rest, io);
      case 'schema':
        io.stdout.write(json(pathwayJsonSchema()));
        return OK;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? USAGE_ERROR : OK;
      default:
        io.stderr.write(`pathways: unknown command "${command}"\n\n${USAGE}`);
        return USAGE_ERROR;
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`pathways ${command}: ${(e as Error).message}\n`);
      return USAGE_ERROR;
    }
    throw e;
  }
}

function usage(io: Io, message: string): number {
  io.stderr.write(`pathways: ${message}\nRun "pathways help" for usage.\n`);
  return USAGE_ERROR;
}

/** Loads and validates a pathway; prints problems and returns null when it is unusable. */
function loadPathway(arg: string, io: Io): PathwayDefinition | null {
  const file = resolvePathway(arg, io.cwd);
  const loaded = readJson(file, io.cwd);
  if (!loaded.ok) {
    io.stderr.write(`✗ ${file}\n${problemLines(loaded.problems)}`);
    return null;
  }
  const v = validatePathway(loaded.value);
  if (!v.valid) {
    io.stderr.write(
      `✗ ${file}: ${v.errors.length} error${v.errors.length === 1 ? '' : 's'}\n${problemLines(v.errors)}`,
    );
    return null;
  }
  return v.definition!;
}

function validateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, params: { type: 'string' } },
  });
  if (positionals.length === 0) return usage(io, 'validate needs at least one pathway file');
  let params: unknown;
  if (values.params) {
    const p = readJson(values.params, io.cwd);
    if (!p.ok) {
      io.stderr.write(problemLines(p.problems));
      return INVALID;
    }
    params = p.value;
  }
  const reports = positionals.map((arg) => {
    const file = resolvePathway(arg, io.cwd);
    const loaded = readJson(file, io.cwd);
    if (!loaded.ok) return { file, valid: false, errors: loaded.problems, warnings: [] };
    const { valid, errors, warnings } = validatePathway(
      loaded.value,
      params === undefined ? {} : { params },
    );
    return { file, valid, errors, warnings };
  });
  if (values.json) io.stdout.write(json(reports));
  else {
    for (const r of reports) {
      const counts = [
        r.errors.length && `${r.errors.length} error${r.errors.length > 1 ? 's' : ''}`,
        r.warnings.length && `${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''}`,
      ]
        .filter(Boolean)
        .join(', ');
      io.stdout.write(
        `${r.valid ? '✓' : '✗'} ${r.file}: ${r.valid ? 'valid' : 'invalid'}${counts ? ` (${counts})` : ''}\n${problemLines([...r.errors, ...r.warnings])}`,
      );
    }
  }
  return reports.every((r) => r.valid) ? OK : INVALID;
}

function parseAnswers(text: string): (number | null)[] | string {
  const parts = text.split(',').map((s) => s.trim());
  const out: (number | null)[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === '' || part === '-') out.push(null);
    else if (/^-?\d+(\.\d+)?$/.test(part)) out.push(Number(part));
    else
      return `answer ${i + 1} ("${part}") is not a number; answers are form positions such as 0,1,2,3`;
  }
  return out;
}

function scoreCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sex: { type: 'string' }, threshold: { type: 'string' } },
  });
  const [id, answersText, ...extra] = positionals;
  if (!id || answersText === undefined || extra.length)
    return usage(
      io,
      'score needs an instrument and comma-separated answers, e.g. pathways score phq9 1,1,2,0,1,0,1,0,0',
    );
  if (!getInstrument(id)) {
    io.stderr.write(
      `pathways score: unknown instrument "${id}" (instruments: ${INSTRUMENT_IDS.join(', ')})\n`,
    );
    return INVALID;
  }
  const sexes = ['female', 'male', 'other', 'unknown'];
  if (values.sex !== undefined && !sexes.includes(values.sex))
    return usage(io, `--sex must be one of ${sexes.join(', ')}`);
  const answers = parseAnswers(answersText);
  if (typeof answers === 'string') {
    io.stderr.write(`pathways score: ${answers}\n`);
    return INVALID;
  }
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !Number.isFinite(threshold))
    return usage(io, '--threshold must be a number');
  const r = scoreInstrument(id, answers, {
    ...(values.sex ? { sex: values.sex as Sex } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
  });
  if (!r.ok) {
    io.stderr.write(
      `pathways score: ${getInstrument(id)!.shortTitle} answers are not valid:\n${r.problems.map((p) => `  ${p.path}: ${p.message}\n`).join('')}`,
    );
    return INVALID;
  }
  const s = r.value;
  io.stdout.write(
    json({
      instrument: s.instrument,
      total: s.total,
      band: s.band,
      positive: s.positive,
      critical: s.critical,
      criticalItems: s.criticalItems,
      ...(s.risk !== undefined ? { risk: s.risk } : {}),
      ...(s.threshold !== undefined ? { threshold: s.threshold } : {}),
      itemPoints: s.itemPoints,
      ...(s.details ? { details: s.details } : {}),
    }),
  );
  return OK;
}

function simulateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { script: { type: 'string' }, params: { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.script)
    return usage(io, 'simulate needs a pathway and --script <file>');
  const def = loadPathway(positionals[0]!, io);
  if (!def) return INVALID;
  const script = readJson(values.script, io.cwd);
  if (!script.ok) {
    io.stderr.write(problemLines(script.problems));
    return INVALID;
  }
  let params: unknown;
  if (values.params) {
    const p = readJson(values.params, io.cwd);
    if (!p.ok) {
      io.stderr.write(problemLines(p.problems));
      return INVALID;
    }
    params = p.value;
  }
  const r = simulate(def, script.value, params);
  if (!r.ok) {
    io.stderr.write(`✗ the script could not run:\n${problemLines(r.problems)}`);
    return INVALID;
  }
  io.stdout.write(json(r.output));
  return OK;
}

function diffCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  if (positionals.length !== 2) return usage(io, 'diff needs two pathways');
  const a = loadPathway(positionals[0]!, io);
  const b = loadPathway(positionals[1]!, io);
  if (!a || !b) return USAGE_ERROR;
  const d = diffPathways(a, b);
  io.stdout.write(values.json ? json(d) : `${formatDiff(d)}\n`);
  return d.equal ? OK : INVALID;
}

function renderCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'mermaid' } },
  });
  if (positionals.length !== 1) return usage(io, 'render needs one pathway');
  if (values.format !== 'mermaid')
    return usage(io, `unknown format "${values.format}" (supported: mermaid)`);
  const def = loadPathway(positionals[0]!, io);
  if (!def) return INVALID;
  io.stdout.write(toMermaid(def));
  return OK;
}

function factsCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) return usage(io, 'facts needs one pathway');
  const def = loadPathway(positionals[0]!, io);
  if (!def) return INVALID;
  const facts = factCatalogue(def);
  if (values.json) io.stdout.write(json(facts));
  else {
    for (const f of facts) {
      const range = f.range
        ? ` ${f.range.min}–${f.range.max}`
        : f.values
          ? ` (${f.values.join(' | ')})`
          : '';
      io.stdout.write(`${f.name.padEnd(28)} ${f.type}${range}\n  ${f.description}\n`);
    }
  }
  return OK;
}
