/**
 * Sniffing the first bytes of a page whose server did not say what it is, after the WHATWG MIME
 * Sniffing Standard's "rules for identifying an unknown MIME type", reduced to what import needs:
 * HTML, a known binary format (named, to be refused), or text. The binary signatures are the
 * importer's own list, so a page and a file are refused alike.
 */
import { sniffBinaryKind } from '../import/sniff';

/** How many leading bytes are looked at, as in the standard. */
export const SNIFF_BYTES = 1445;

export type Sniffed = { kind: 'html' } | { kind: 'text' } | { kind: 'binary'; name: string };

/**
 * Tags that mark a document as HTML when one opens it (after whitespace), followed by a space
 * or `>`: the standard's list.
 */
const HTML_START =
  /^(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--)[\s>]/i;

/** An XML prolog followed by an `<html` element: XHTML served without its type. */
const XHTML_START =
  /^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html[^>]*>\s*)?<html[\s>]/i;

/** Bytes that never occur in text (the standard's "binary data bytes"). */
function isBinaryByte(byte: number): boolean {
  return (
    byte <= 0x08 ||
    byte === 0x0b ||
    (byte >= 0x0e && byte <= 0x1a) ||
    (byte >= 0x1c && byte <= 0x1f)
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** What the first bytes of a page say it is. */
export function sniffPage(bytes: Uint8Array): Sniffed {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const binary = sniffBinaryKind(head);
  if (binary !== null) return { kind: 'binary', name: binary };
  let text: string;
  if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head);
  else if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head);
  else {
    if (head.some(isBinaryByte)) return { kind: 'binary', name: 'a binary file' };
    // latin1 keeps every byte one character: enough to see ASCII markup, whatever the charset.
    text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  }
  const start = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart();
  return HTML_START.test(start) || XHTML_START.test(start) ? { kind: 'html' } : { kind: 'text' };
}
