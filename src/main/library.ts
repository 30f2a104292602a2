/**
 * A library: one data folder, its database and the service over it. Every entry point (Electron,
 * web mode, CLI) opens a library this way.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { lazySample } from './sample';
import { createService, type Service } from './service';
import { openDatabase } from './store/connection';
import { DATABASE_FILE, resourcesDir } from './paths';

export interface Library {
  readonly dataDir: string;
  readonly file: string;
  readonly db: Database;
  readonly service: Service;
  close(): void;
}

export interface LibraryOptions {
  readonly dataDir: string;
  readonly nativeBinding?: string;
  readonly resourcesDir?: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export function openLibrary(options: LibraryOptions): Library {
  const file = path.join(options.dataDir, DATABASE_FILE);
  const { db } = openDatabase(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    const service = createService({
      db,
      newId: options.newId ?? (() => uuidv7()),
      sample: lazySample(options.resourcesDir ?? resourcesDir()),
      ...(options.now ? { now: options.now } : {}),
    });
    return {
      dataDir: options.dataDir,
      file,
      db,
      service,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
