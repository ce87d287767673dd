import { z } from 'zod';
import { pathwaySchema } from '../definition/schema.js';

/** JSON Schema of the definition (draft 2020-12), for editor completion and validation. */
export function pathwayJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(pathwaySchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://care-pathways.dev/schema/pathway-v1.json',
    title: 'Care pathway definition (schemaVersion 1)',
    description:
      'A care pathway for the Care Pathways engine. Validate semantics with `pathways validate`.',
  };
}
