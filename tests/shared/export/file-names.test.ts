/** Export file names: safe on every file system, within 255 bytes, stable for one article. */
import { describe, expect, it } from 'vitest';
import { articleFileStem, safeFileStem } from '../../../src/shared/export/file-names';

const ID = '01950000-0000-7000-8000-000000000001';
const utf8 = (text: string) => new TextEncoder().encode(text).length;

describe('safeFileStem', () => {
  it('keeps a plain title and drops what file systems or Obsidian refuse', () => {
    expect(safeFileStem('Negotiations continue')).toBe('Negotiations continue');
    expect(safeFileStem(' a/b\\c:d*e?f"g<h>i|j#k^l[m]n\u0000o\u200dp\ud800 ')).toBe(
      'a b c d e f g h i j k l m n o p',
    );
    expect(safeFileStem('...')).toBe('Untitled');
  });

  it('keeps names within the byte limit for emoji and CJK titles, whole code points only', () => {
    for (const title of ['🦜'.repeat(100), '漢字'.repeat(100), 'é'.repeat(200), 'a'.repeat(200)]) {
      const stem = safeFileStem(title);
      expect(utf8(stem)).toBeLessThanOrEqual(150);
      expect(title.startsWith(stem)).toBe(true);
      // The longest name made from it: the fallback beside a foreign file, and its temp file.
      const longest = `.${articleFileStem({ id: ID, title })} ${ID}.md.4194304.tmp`;
      expect(utf8(longest)).toBeLessThanOrEqual(255);
    }
    expect(safeFileStem('a'.repeat(200))).toHaveLength(80);
  });

  it('never names a Windows device, alone or before an extension', () => {
    expect(safeFileStem('con')).toBe('con article');
    expect(safeFileStem('Aux. Notes on a briefing')).toBe('Aux article. Notes on a briefing');
    expect(safeFileStem('LPT1 .txt')).toBe('LPT1 article.txt');
    expect(safeFileStem('Console')).toBe('Console');
    expect(safeFileStem('Com. 7')).toBe('Com. 7');
  });
});
