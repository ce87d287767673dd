import { defineConfig } from 'vitest/config';

// Designer logic (graph ↔ definition, layout, edits, conditions) is framework-free and tested in
// node; the UI is tested in a real browser by test/e2e.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], environment: 'node' } });
