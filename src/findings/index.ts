/** Findings ingestion: audit documents (markdown, even flattened) -> findings, phases, dependencies. */
export { findCycles } from './dependencies.js';
export { type FindingsJson, toFindingJson, toFindingsJson } from './json.js';
export { findFinding, findPhase, getFindingOrThrow, getPhaseOrThrow } from './lookup.js';
export { parseFindingsDocument } from './parse.js';
export { mergeSets, type ReadOptions, readFindings } from './read.js';
export type * from './types.js';
