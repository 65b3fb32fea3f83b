/**
 * A jscodeshift transform of the kind people publish: reorder the arguments of every
 * call to one function. Options: `{ callee: 'formatMoney', order: [1, 0] }` turns
 * `formatMoney(currency, amount)` into `formatMoney(amount, currency)`. Calls with
 * another argument count or a spread are left alone and reported.
 */
export default function transformer(file, api, options) {
  const j = api.jscodeshift;
  const order = options.order ?? [1, 0];
  const root = j(file.source);
  let reordered = 0;
  root
    .find(j.CallExpression, { callee: { type: 'Identifier', name: options.callee } })
    .forEach((call) => {
      const args = call.node.arguments;
      if (args.length !== order.length || args.some((a) => a.type === 'SpreadElement')) {
        api.report(`left alone: ${options.callee} call with ${args.length} arguments`);
        return;
      }
      call.node.arguments = order.map((i) => args[i]);
      reordered++;
    });
  api.stats('calls reordered', reordered);
  return reordered > 0 ? root.toSource() : null;
}
