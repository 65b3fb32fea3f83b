import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/python/scope.js';

describe('filesUnder', () => {
  const files = ['backend/main.py', 'backend/api/a.py', 'backend_old/x.py', 'tests/t.py'];

  it('keeps the files at or under the paths, with or without a trailing slash', () => {
    expect(filesUnder(files, ['backend/'])).toEqual({
      files: ['backend/main.py', 'backend/api/a.py'],
      unmatched: [],
    });
    expect(filesUnder(files, ['./tests/t.py', 'docs'])).toEqual({
      files: ['tests/t.py'],
      unmatched: ['docs'],
    });
  });

  it('keeps everything for no paths or the root', () => {
    expect(filesUnder(files, undefined).files).toEqual(files);
    expect(filesUnder(files, ['.']).files).toEqual(files);
  });
});
