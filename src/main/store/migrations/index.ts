/** Every migration, in order. Append new ones; never edit or reorder a released one. */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-claims-links-settings';
import { migration0003 } from './0003-original-quote';
import { migration0004 } from './0004-stored-anchors';
import { migration0005 } from './0005-page-metadata';
import { migration0006 } from './0006-document-hash';
import { migration0007 } from './0007-search';
import { migration0008 } from './0008-library-details';
import { migration0009 } from './0009-versions';
import { migration0010 } from './0010-suggestion-dismissals';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
