export { createApp, type AppOptions } from './app.js';
export { openDb, migrate, type Db, type DbConfig } from './db/connect.js';
export { startScheduler } from './scheduler.js';
export { loadLibrary, defaultLibraryDir } from './library.js';
export { seedDemo } from './seed.js';
export { jsonLogger, silentLogger, type Logger } from './log.js';
export type { Deps, LibraryEntry } from './domain/deps.js';
