import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Numbered migrations, run on start by Kysely's Migrator, which takes a lock so several processes
 * starting at once migrate exactly once. Never edit a released migration: add the next one.
 */
const m001 = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const text = 'text';
    // SQLite's INTEGER PRIMARY KEY is already an auto-incrementing rowid.
    const serial = (c: ColumnDefinitionBuilder) =>
      dialect === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey();
    await db.schema
      .createTable('practices')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('api_keys')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('practice_id', text, (c) => c.notNull().references('practices.id'))
      .addColumn('role', text, (c) => c.notNull())
      .addColumn('hash', text, (c) => c.notNull().unique())
      .addColumn('label', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('revoked_at', text)
      .execute();
    await db.schema
      .createTable('pathways')
      .addColumn('practice_id', text, (c) => c.notNull().references('practices.id'))
      .addColumn('id', text, (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('draft', text, (c) => c.notNull())
      .addColumn('draft_updated_at', text, (c) => c.notNull())
      .addColumn('live_version', 'integer')
      .addColumn('from_library', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('pathways_pk', ['practice_id', 'id'])
      .execute();
    await db.schema
      .createTable('pathway_versions')
      .addColumn('practice_id', text, (c) => c.notNull())
      .addColumn('pathway_id', text, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', text, (c) => c.notNull())
      .addColumn('hash', text, (c) => c.notNull())
      .addColumn('note', text)
      .addColumn('published_by', text, (c) => c.notNull())
      .addColumn('published_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('pathway_versions_pk', ['practice_id', 'pathway_id', 'version'])
      .addForeignKeyConstraint(
        'pathway_versions_pathway_fk',
        ['practice_id', 'pathway_id'],
        'pathways',
        ['practice_id', 'id'],
      )
      .execute();
    await db.schema
      .createTable('patients')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('practice_id', text, (c) => c.notNull().references('practices.id'))
      .addColumn('external_ref', text, (c) => c.notNull())
      .addColumn('birth_year', 'integer')
      .addColumn('sex', text)
      .addColumn('language', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addUniqueConstraint('patients_external_ref_uq', ['practice_id', 'external_ref'])
      .execute();
    await db.schema
      .createTable('instances')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('practice_id', text, (c) => c.notNull().references('practices.id'))
      .addColumn('patient_id', text, (c) => c.notNull().references('patients.id'))
      .addColumn('pathway_id', text, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('node', text, (c) => c.notNull())
      .addColumn('state', text, (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('started_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .addForeignKeyConstraint(
        'instances_version_fk',
        ['practice_id', 'pathway_id', 'version'],
        'pathway_versions',
        ['practice_id', 'pathway_id', 'version'],
      )
      .execute();
    await db.schema
      .createIndex('instances_practice_idx')
      .on('instances')
      .columns(['practice_id', 'status'])
      .execute();
    await db.schema
      .createTable('instance_events')
      .addColumn('instance_id', text, (c) => c.notNull().references('instances.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('practice_id', text, (c) => c.notNull())
      .addColumn('event', text, (c) => c.notNull())
      .addColumn('at', text, (c) => c.notNull())
      .addColumn('actor', text, (c) => c.notNull())
      .addColumn('trace', text, (c) => c.notNull())
      .addColumn('effects', text, (c) => c.notNull())
      .addColumn('recorded_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('instance_events_pk', ['instance_id', 'seq'])
      .execute();
    await db.schema
      .createTable('tasks')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('practice_id', text, (c) => c.notNull())
      .addColumn('instance_id', text, (c) => c.notNull().references('instances.id'))
      .addColumn('effect_id', text, (c) => c.notNull())
      .addColumn('patient_id', text, (c) => c.notNull())
      .addColumn('node', text, (c) => c.notNull())
      .addColumn('role', text, (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('priority', text, (c) => c.notNull())
      .addColumn('due', text)
      .addColumn('instrument', text)
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('closed_at', text)
      .addColumn('closed_by', text)
      .execute();
    await db.schema
      .createIndex('tasks_effect_uq')
      .unique()
      .on('tasks')
      .columns(['instance_id', 'effect_id'])
      .execute();
    await db.schema
      .createIndex('tasks_worklist_idx')
      .on('tasks')
      .columns(['practice_id', 'status', 'role'])
      .execute();
    await db.schema
      .createTable('timers')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('practice_id', text, (c) => c.notNull())
      .addColumn('instance_id', text, (c) => c.notNull().references('instances.id'))
      .addColumn('timer_id', text, (c) => c.notNull())
      .addColumn('due_at', text, (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('fired_at', text)
      .execute();
    await db.schema
      .createIndex('timers_due_idx')
      .on('timers')
      .columns(['status', 'due_at'])
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', serial)
      .addColumn('practice_id', text, (c) => c.notNull())
      .addColumn('instance_id', text, (c) => c.notNull())
      .addColumn('effect', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('delivered_at', text)
      .execute();
    await db.schema
      .createTable('audit')
      .addColumn('id', 'integer', serial)
      .addColumn('practice_id', text, (c) => c.notNull())
      .addColumn('actor', text, (c) => c.notNull())
      .addColumn('role', text, (c) => c.notNull())
      .addColumn('action', text, (c) => c.notNull())
      .addColumn('target', text, (c) => c.notNull())
      .addColumn('at', text, (c) => c.notNull())
      .addColumn('detail', text)
      .execute();
    await db.schema
      .createIndex('audit_practice_idx')
      .on('audit')
      .columns(['practice_id', 'at'])
      .execute();
  },
});

export const migrations = (dialect: Dialect): MigrationProvider => ({
  async getMigrations() {
    return { '001_initial': m001(dialect) };
  },
});
