/**
 * rename-symbols' collision resolution beyond the fixtures: the naming rules, the
 * `undone` flag of a rename left for a computed lookup, and what resolve refuses.
 */
import { describe, expect, it } from 'vitest';
import { aliasCandidate, localNameCandidates } from '../../src/python/project/rename/names.js';
import { runIn } from '../../test/harness.js';
import { makeTree } from '../../test/helpers.js';
import transform from './index.js';

describe('resolution names', () => {
  it('names a shadowing local after itself: the last word dropped, else _value', () => {
    expect(localNameCandidates('use_iam_auth')).toEqual(['use_iam', 'use_iam_auth_value']);
    expect(localNameCandidates('dry_run_enabled')[0]).toBe('dry_run');
    expect(localNameCandidates('run_seed')).toEqual(['run_seed_value']);
    expect(localNameCandidates('_cached_page_token')[0]).toBe('_cached_page');
  });

  it('aliases from the new name and the module: a word the name lacks after its first word', () => {
    expect(aliasCandidate('parse_cursor', 'app.api.admin_request')).toBe('parse_admin_cursor');
    expect(aliasCandidate('decode_page_token', 'app.api.pagination')).toBe(
      'decode_pagination_page_token',
    );
    expect(aliasCandidate('respond', 'app.api.lambda_support')).toBe('lambda_respond');
    expect(aliasCandidate('MAX_ITEMS', 'app.limits')).toBe('MAX_LIMITS_ITEMS');
    expect(aliasCandidate('Settings', 'app.config')).toBe('ConfigSettings');
    expect(aliasCandidate('config', 'app.config')).toBe('app_config');
  });
});

describe('what resolve still refuses, and what it leaves undone', () => {
  it('marks a rename reached by a computed getattr undone, and makes the others', async () => {
    const root = makeTree({
      'app/__init__.py': '',
      'app/exports.py':
        'def _cell(v):\n    return str(v)\n\n\ndef _render_tsv(rows):\n    return "\\t".join(_cell(r) for r in rows)\n',
      'app/views.py':
        'from app import exports\n\n\ndef render(rows, fmt):\n    return getattr(exports, f"_render_{fmt}")(rows)\n',
    });
    const outcome = await runIn(root, transform, {
      options: {
        renames: [
          { file: 'app/exports.py', from: '_cell', to: 'cell' },
          { file: 'app/exports.py', from: '_render_tsv', to: 'render_tsv' },
        ],
      },
    });
    const undone = outcome.diagnostics.filter((d) => d.undone);
    expect(undone).toMatchObject([
      { code: 'rename/dynamic-lookup', file: 'app/exports.py', line: 5, severity: 'warning' },
    ]);
    const changed = outcome.results.filter((r) => r.kind === 'changed');
    expect(changed.map((r) => r.path)).toEqual(['app/exports.py']);
    const after = changed[0]!.kind === 'changed' ? changed[0]!.after : '';
    expect(after).toContain('def cell(v):');
    expect(after).toContain('def _render_tsv(rows):');
  });

  it('does not rename a local read through locals(): the importer aliases instead', async () => {
    const root = makeTree({
      'app/__init__.py': '',
      'app/flags.py': 'def _debug():\n    return False\n',
      'app/views.py':
        'from app.flags import _debug\n\n\ndef page():\n    debug = _debug()\n    return "{debug}".format(**locals())\n',
    });
    const options = { renames: [{ file: 'app/flags.py', from: '_debug', to: 'debug' }] };
    const outcome = await runIn(root, transform, { options });
    const alias = outcome.diagnostics.find((d) => d.code === 'rename/resolved-alias');
    expect(alias?.message).toContain('imported as `debug as flags_debug`');
  });

  it('aliases an importer that binds the new name, and then leaves its shadowing locals alone', async () => {
    const root = makeTree({
      'app/__init__.py': '',
      'app/pagination.py': 'def _decode(token):\n    return token\n',
      'app/feed.py':
        'from app.pagination import _decode\n\n\ndef decode(raw):\n    return int(raw)\n\n\ndef page(q):\n    decode = _decode(q)\n    return decode\n',
    });
    const options = { renames: [{ file: 'app/pagination.py', from: '_decode', to: 'decode' }] };
    const outcome = await runIn(root, transform, { options });
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(['rename/resolved-alias']);
    const feed = outcome.results.find((r) => r.path === 'app/feed.py');
    expect(feed?.kind === 'changed' && feed.after).toBe(
      'from app.pagination import decode as pagination_decode\n\n\ndef decode(raw):\n    return int(raw)\n\n\ndef page(q):\n    decode = pagination_decode(q)\n    return decode\n',
    );
  });
});
