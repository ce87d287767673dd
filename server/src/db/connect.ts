import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations, type Dialect } from './migrations.js';
import type { Database } from './schema.js';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface DbConfig {
  /** postgres://… switches to PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** SQLite file name inside dataDir (tests use their own). */
  file?: string;
}

/** Opens the database (SQLite in WAL mode by default, PostgreSQL when a URL is given). */
export function openDb(config: DbConfig): Db {
  if (config.databaseUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const dir = config.dataDir ?? './data';
  mkdirSync(dir, { recursive: true });
  const sqlite = new SQLite(join(dir, config.file ?? 'care-pathways.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Runs pending migrations; safe when several processes start at once (the Migrator locks). */
export async function migrate(handle: Db): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: migrations(handle.dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
