/** W3C annotation bodies the benchmarks' generated files use: a claim, and a link to another. */

/** A claim as three `describing` bodies: type, speaker and status. */
export function claimBodies(type: string, speaker: string, status: string): object[] {
  const describing = (role: string, value: string) => ({
    type: 'TextualBody',
    purpose: 'describing',
    'marginalia:role': role,
    value,
  });
  return [
    describing('claimType', type),
    describing('speaker', speaker),
    describing('claimStatus', status),
  ];
}

/** A `linking` body: this annotation `relation` the one with id `targetId`. */
export function linkBody(targetId: string, relation: string): object {
  return {
    type: 'SpecificResource',
    purpose: 'linking',
    source: `urn:uuid:${targetId}`,
    'marginalia:relation': relation,
  };
}
