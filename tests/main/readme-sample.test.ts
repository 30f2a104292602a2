/** The README shows the sample article's Markdown export; it must be the real output. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/main/paths';
import { GOLDEN_DIR } from './golden';

describe('the README', () => {
  it('shows the start of the golden sample.md, byte for byte', () => {
    const readme = fs.readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
    const shown = /```markdown\n([\s\S]*?)\n…\n```/.exec(readme)?.[1];
    expect(shown, 'README has a ```markdown block ending in …').toBeDefined();
    expect(shown!.length).toBeGreaterThan(1000);
    const golden = fs.readFileSync(path.join(GOLDEN_DIR, 'sample.md'), 'utf8');
    expect(golden.startsWith(shown!)).toBe(true);
  });
});
