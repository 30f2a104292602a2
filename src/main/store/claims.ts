/** A claim as the store keeps it: its type remembered for the library, its speaker an entity. */
import type { Database } from 'better-sqlite3';
import type { Claim } from '../../shared/contract/entities';
import type { AnnotationRecord } from './annotations';
import { ensureClaimType } from './claim-types';
import { ensureSpeaker } from './speakers';

/** Runs inside a write: may add a claim type or a speaker. */
export function storeClaim(
  db: Database,
  claim: Claim | null,
  newId: () => string,
  at: string,
): AnnotationRecord['claim'] {
  if (!claim) return null;
  return {
    type: ensureClaimType(db, claim.type, at),
    speakerId: claim.speaker ? ensureSpeaker(db, claim.speaker, newId, at) : null,
    status: claim.status,
  };
}
