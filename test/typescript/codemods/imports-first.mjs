/**
 * A jscodeshift transform of the kind people publish: imports first (the `import/first`
 * lint rule's fix). Statements found between import declarations move below the last
 * one, in their order; directives stay first (Babel keeps them apart from the body).
 * Used by the bench as the jscodeshift counterpart of remedy's imports-first.
 */
export default function transformer(file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  const body = root.get().node.program.body;
  let last = -1;
  body.forEach((s, i) => {
    if (s.type === 'ImportDeclaration') last = i;
  });
  const segment = body.slice(0, last + 1);
  const movers = segment.filter((s) => s.type !== 'ImportDeclaration');
  if (movers.length === 0) return undefined;
  const imports = segment.filter((s) => s.type === 'ImportDeclaration');
  body.splice(0, segment.length, ...imports, ...movers);
  return root.toSource({ quote: 'single' });
}
