import { describe, expect, it } from 'vitest';
import {
  explore,
  overlaySchema,
  parseScenarioFile,
  resolveParameters,
  runScenario,
  toMermaid,
  validatePathway,
  type Overlay,
} from '@care-pathways/engine';
import { diagramBlock, loadLibrary } from '../scripts/library.js';

const library = loadLibrary();

describe('the pathway library', () => {
  it('ships the six pathways of the issue', () => {
    expect(library.map((p) => p.id).sort()).toEqual([
      'adolescent-depression',
      'anxiety-stepped-care',
      'cocm-depression',
      'perinatal-depression',
      'sbirt-alcohol',
      'suicide-safety',
    ]);
  });
});

for (const p of library) {
  describe(p.id, () => {
    const v = validatePathway(p.raw);
    const def = v.definition!;

    it('validates with no errors, and its id matches its folder', () => {
      expect(v.errors).toEqual([]);
      expect(def.id).toBe(p.id);
    });

    it('has a README whose diagram matches the definition', () => {
      expect(p.readme).not.toBeNull();
      expect(p.readme).toContain(diagramBlock(toMermaid(def)));
    });

    it('documents every validator warning in its README', () => {
      for (const w of v.warnings) expect(p.readme, `${w.code} ${w.path}`).toContain(w.code);
    });

    const overlays: Record<string, Overlay> = {};
    for (const [name, raw] of Object.entries(p.overlays)) {
      it(`overlay ${name} is valid and within the parameter bounds`, () => {
        const o = overlaySchema.parse(raw);
        expect(o.id).toBe(name);
        const r = resolveParameters(def, o.params, '$.params');
        expect(r.ok ? [] : r.problems).toEqual([]);
      });
      const parsed = overlaySchema.safeParse(raw);
      if (parsed.success) overlays[name] = parsed.data;
    }

    it('has at least two tailoring overlays', () => {
      expect(Object.keys(p.overlays).length).toBeGreaterThanOrEqual(2);
    });

    const file = parseScenarioFile(p.scenarios);
    it('has a scenario table of at least 10 scenarios, including some for each overlay', () => {
      expect(file.ok ? [] : file.problems).toEqual([]);
      if (!file.ok) return;
      expect(file.value.scenarios.length).toBeGreaterThanOrEqual(10);
      for (const name of Object.keys(p.overlays))
        expect(
          file.value.scenarios.some((s) => s.overlay === name),
          name,
        ).toBe(true);
    });

    if (file.ok) {
      for (const s of file.value.scenarios) {
        it(`scenario: ${s.name}`, () => {
          const r = runScenario(def, s, overlays);
          expect(r.failures).toEqual([]);
        });
      }
    }

    for (const [name, params] of [
      ['defaults', {}] as const,
      ...Object.entries(overlays).map(([k, o]) => [k, o.params] as const),
    ]) {
      it(`model-based coverage (${name}): every node and edge reachable, every state can finish, no patient stuck`, () => {
        const c = explore(def, { params: params as Record<string, unknown> });
        expect(c.nodes.unreached).toEqual([]);
        expect(c.edges.untaken).toEqual([]);
        expect(c.stuck).toEqual([]);
        expect(c.cannotFinish).toEqual([]);
      });
    }
  });
}
