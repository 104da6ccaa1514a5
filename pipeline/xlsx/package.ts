// Opens an .xlsx as the package it is (ECMA-376 Part 2, Open Packaging Conventions): its parts
// found by name as Office finds them, case-insensitively, and each part streamed through saxes
// into the handlers of the reader of that part. Failures become one sentence naming the part.
import { posix } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type yauzl from 'yauzl';
import { ExpectedError } from '../errors.js';
import { type Entry, openEntry } from '../zip-guard.js';

/** An exception thrown by the caller's visitor: a bug of ours, kept apart from the file's faults. */
export class VisitorFailure {
  constructor(readonly error: unknown) {}
}

/** What a part's reader does with the XML events. */
export type Handlers = {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
};

/** A tag's name without its namespace prefix (`x:row` -> `row`; some writers prefix every tag). */
export function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** An attribute by local name, whatever its prefix (`r:id` is written with other prefixes too). */
export function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

/**
 * A part name as OPC compares them (ECMA-376 Part 2, 9.1.1.1: part names are equivalent when they
 * match case-insensitively in ASCII; 10.2.3 and RFC 3986 for the percent-encoding of a zip item
 * name): no leading slash, percent-escapes decoded, lower case.
 */
export function foldPartName(name: string): string {
  let n = name.replace(/\\/g, '/').replace(/^\/+/, '');
  try {
    // A name without % comes back as it is.
    n = decodeURIComponent(n);
  } catch {
    // A stray % is taken as it is.
  }
  return n.toLowerCase();
}

/**
 * The part a relationship's target points at: relative to the folder of the part that holds the
 * relationship (`xl/workbook.xml` -> `xl/`; `xl/worksheets/sheet1.xml` -> `xl/worksheets/`), or
 * absolute from the package root when it starts with `/` (ECMA-376 Part 2, 9.3).
 */
export function resolveTarget(target: string, sourcePart = 'xl/workbook.xml'): string {
  const t = target.trim().replace(/\\/g, '/');
  if (t.startsWith('/')) return posix.normalize(t).slice(1);
  return posix.normalize(posix.join(posix.dirname(sourcePart), t)).replace(/^(\.\.\/)+/, '');
}

/** Where the relationships of a part are kept: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relationshipsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

const stripStop = (message: string) => message.trim().replace(/\.$/, '');

export class XlsxPackage {
  private readonly byFolded: Map<string, Entry>;

  constructor(
    readonly path: string,
    private readonly zip: yauzl.ZipFile,
    entries: readonly Entry[],
  ) {
    this.byFolded = new Map();
    // Two zip items whose names fold alike make an invalid package; the first one is read.
    for (const e of entries) {
      const key = foldPartName(e.name);
      if (!this.byFolded.has(key)) this.byFolded.set(key, e);
    }
  }

  /** The zip entry of a part, its name matched as Office matches part names. */
  entry(name: string): Entry | undefined {
    return this.byFolded.get(foldPartName(name));
  }

  /**
   * Streams one part through saxes. `what` names the part in a failure's sentence. The parser
   * refuses a DOCTYPE (no workbook needs one, and entity tricks live there) and knows no entity
   * beyond XML's five, so nothing is ever expanded.
   */
  async parse(entry: Entry, what: string, h: Handlers): Promise<void> {
    const parser = new SaxesParser({ xmlns: false, position: false } as const);
    parser.on('opentag', h.open);
    parser.on('closetag', h.close);
    parser.on('text', h.text);
    parser.on('cdata', h.text);
    parser.on('doctype', () => {
      throw new Error('it declares a DOCTYPE, which no workbook needs');
    });
    let stream: NodeJS.ReadableStream;
    try {
      stream = await openEntry(this.zip, entry);
    } catch (e) {
      throw this.damaged(what, e);
    }
    // Stryker disable next-line StringLiteral: Node reads an empty encoding name as UTF-8, the one asked for
    stream.setEncoding('utf8');
    try {
      for await (const chunk of stream) {
        try {
          parser.write(chunk as string);
        } catch (e) {
          throw this.notXml(what, e);
        }
      }
      try {
        parser.close();
      } catch (e) {
        throw this.notXml(what, e);
      }
    } catch (e) {
      // The stream's own failures (yauzl, zlib) are plain Errors; anything else (our ExpectedError, a
      // VisitorFailure, a TypeError...) is passed on as it is.
      if (!(e instanceof Error) || e.constructor !== Error) throw e;
      if (/too many bytes/.test(e.message)) throw new ExpectedError(`${this.path} is refused: ${entry.name} inflates past the size its zip directory declares (a zip bomb?).`);
      throw this.damaged(what, e);
    }
  }

  private notXml(what: string, e: unknown): unknown {
    // saxes fails with a plain Error; a TypeError or the like from a handler is a bug of ours, and
    // our ExpectedError or a VisitorFailure is passed on as it is.
    if (!(e instanceof Error) || e.constructor !== Error) return e;
    return new ExpectedError(`${this.path} could not be read as an Excel workbook: ${what} is not well-formed XML (${stripStop(e.message)}).`);
  }

  private damaged(what: string, e: unknown): ExpectedError {
    return new ExpectedError(`${this.path} is not an Excel workbook (.xlsx): ${what} is damaged (${stripStop((e as Error).message ?? String(e))}).`);
  }

  /** Reads a small part (workbook, relationships, table) into the handlers; false when the package lacks it. */
  async parsePart(name: string, h: Handlers): Promise<boolean> {
    const entry = this.entry(name);
    if (!entry) return false;
    await this.parse(entry, name, h);
    return true;
  }
}
