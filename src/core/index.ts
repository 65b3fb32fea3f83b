/** The core edit model: edits, fixes, the conflict policy, results and errors. No I/O. */
export * from './apply.js';
export * from './diagnostic.js';
export * from './edit.js';
export * from './errors.js';
export * from './fix.js';
export * from './paths.js';
export * from './result.js';
export * from './text.js';
export * from './text-edits.js';
