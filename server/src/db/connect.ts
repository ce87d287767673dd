import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
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

/**
 * Runs pending migrations, safely when several processes start at once. On PostgreSQL Kysely's
 * Migrator takes a lock. On SQLite it takes none (it assumes one connection in one process), so
 * we hold the database write lock while migrating: the others wait (busy_timeout), then find
 * nothing to do; SQLite DDL is transactional, so a failed migration leaves nothing half-made.
 */
export async function migrate(handle: Db): Promise<void> {
  const run = async () => {
    const migrator = new Migrator({ db: handle.db, provider: migrations(handle.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
  };
  if (handle.dialect !== 'sqlite') return run();
  await sql`begin immediate`.execute(handle.db);
  try {
    await run();
    await sql`commit`.execute(handle.db);
  } catch (e) {
    await sql`rollback`.execute(handle.db);
    throw e;
  }
}

/**
 * One write transaction. On SQLite it is BEGIN IMMEDIATE: a deferred BEGIN that reads and then
 * writes can fail at once with SQLITE_BUSY when another process also holds a read lock (busy_timeout
 * does not help there); taking the write lock up front makes the others wait instead.
 */
export async function transaction<T>(
  handle: Db,
  fn: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (handle.dialect !== 'sqlite') return handle.db.transaction().execute(fn);
  return handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}
