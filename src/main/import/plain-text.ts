/**
 * Plain-text articles. The first line is the title; an optional "By …" line is the byline and an
 * optional date line the publication date; a repeat of the title right after them is a heading
 * artefact of copied pages and is dropped. Paragraphs are separated by blank lines, or, in a file
 * with no blank lines, by line breaks.
 */
import type { ImportedArticle } from './imported-article';
import { NO_PAGE_METADATA, documentFromParagraphs } from './imported-article';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Reads "February 11, 2022", "11 February 2022" or "2022-02-11" as an ISO date, else null. */
export function parseDateLine(line: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line);
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(line);
  const dayFirst = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(line);
  let year: number, month: number, day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (monthFirst || dayFirst) {
    const [name, d, y] = monthFirst
      ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!]
      : [dayFirst![2]!, dayFirst![1]!, dayFirst![3]!];
    const index = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase()) && name.length >= 3);
    if (index === -1) return null;
    [year, month, day] = [Number(y), index + 1, Number(d)];
  } else {
    return null;
  }
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Longest first line taken as a title; a longer one is a paragraph, and the file name the title. */
const MAX_TITLE_LENGTH = 300;

export function parsePlainText(text: string, fallbackTitle: string): ImportedArticle {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };

  skipBlank();
  let title = fallbackTitle;
  const first = lines[i]?.trim() ?? '';
  if (first.length > 0 && first.length <= MAX_TITLE_LENGTH) {
    title = first;
    i++;
  }
  skipBlank();
  let byline: string | null = null;
  const bylineMatch = /^by\s+(.+)$/i.exec(lines[i]?.trim() ?? '');
  if (bylineMatch && bylineMatch[1]!.length <= 200) {
    byline = bylineMatch[1]!.trim();
    i++;
    skipBlank();
  }
  const publishedAt = parseDateLine(lines[i]?.trim() ?? '');
  if (publishedAt) {
    i++;
    skipBlank();
  }
  if (lines[i]?.trim() === title) i++;

  const body = lines.slice(i);
  const hasBlankLines = body.some((l, k) => l.trim() === '' && k > 0 && k < body.length - 1);
  const paragraphs: string[] = [];
  if (hasBlankLines) {
    let current: string[] = [];
    for (const line of body) {
      if (line.trim() === '') {
        if (current.length) paragraphs.push(current.join(' '));
        current = [];
      } else {
        current.push(line.trim());
      }
    }
    if (current.length) paragraphs.push(current.join(' '));
  } else {
    for (const line of body) if (line.trim() !== '') paragraphs.push(line.trim());
  }
  return {
    ...NO_PAGE_METADATA,
    title,
    byline,
    publishedAt,
    document: documentFromParagraphs(paragraphs),
  };
}
