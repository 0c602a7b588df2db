/**
 * Share cards drawn in a process of their own (started by card-relay.mjs): resvg renders
 * the card's SVG with the typeface cut to the batch's characters (card-fonts.ts), and the
 * pixels are written as a PNG here — resvg's own PNG encoder compresses harder and took
 * three quarters of a card's time. A process, not a thread of the build: resvg's pixels
 * (3 MB a card, freed and mapped again for every card) made a thread beside the page
 * renderer slow it down by two thirds, the two sharing one address space; a process beside
 * it left it as fast as alone (1,000 stories: pages 13.4 s alone, 23.1 s beside a thread
 * drawing cards, 13.7 s beside a process drawing cards).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { crc32, deflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { writeFileAtomicSync } from "../../scripts/lib/atomic.ts";
import { CardFonts } from "./card-fonts.ts";

/**
 * resvg keeps each card's pixels (3 MB) in memory V8 does not see, until the small object
 * holding them is collected — which a worker with a small heap seldom does: a thousand
 * cards held gigabytes. So the worker collects after every two cards: a minor collection,
 * since a card's objects are young. A full one freed the same pixels and cost a third of
 * each card's time (400 cards on two threads: 46–48 ms of CPU a card with full
 * collections, 31–35 ms with minor ones).
 */
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (options: { type: "minor" }) => void;
const collect = () => gc({ type: "minor" });
let drawn = 0;

/** zlib level: 3 draws a 1200×630 card's PNG in a few milliseconds, at a size close to level 9's. */
const LEVEL = 3;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (alpha premultiplied, as resvg gives them) to a PNG: 8-bit RGBA, no filter. */
/** The unfiltered rows, kept from card to card (every card has the same size). */
let rows = Buffer.alloc(0);

export function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rows.length !== (stride + 1) * height) rows = Buffer.alloc((stride + 1) * height);
  const raw = rows;
  for (let y = 0; y < height; y++) {
    const from = y * stride;
    const to = y * (stride + 1) + 1;
    pixels.copy(raw, to, from, from + stride);
    for (let x = 3; x < stride; x += 4) {
      const a = raw[to + x]!;
      if (a !== 255 && a !== 0) {
        // Un-premultiply the colour of a partly transparent pixel.
        for (let c = 1; c <= 3; c++) raw[to + x - c] = Math.min(255, Math.round((raw[to + x - c]! * 255) / a));
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: LEVEL })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A card to draw: its SVG, and the fonts as files or as the characters to cut them to. */
export interface CardJob {
  id: number;
  svg: string;
  width: number;
  /** The typeface's files to draw with. */
  fonts?: string[];
  /** Or the characters to cut the typeface to, in `fontsDir` (the cards' cache). */
  chars?: string;
  fontsDir?: string;
  /** Where to write the PNG (atomically); without it, the PNG is sent back. */
  out?: string;
}

const send = (message: unknown) => process.send!(message);
/** The typeface's cutter for each cache folder (a process may draw for builds of two folders: tests). */
const cutters = new Map<string, CardFonts>();
const cutter = (dir: string) => cutters.get(dir) ?? cutters.set(dir, new CardFonts(dir)).get(dir)!;

/** Draw one card; write its PNG or send it back. */
async function draw(job: CardJob): Promise<void> {
  try {
    const fonts = job.fonts ?? (await cutter(job.fontsDir!).cut(job.chars ?? ""));
    const image = new Resvg(job.svg, {
      fitTo: { mode: "width", value: job.width },
      font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Pretendard" },
    }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    if (job.out) {
      writeFileAtomicSync(job.out, png);
      send({ id: job.id });
    } else send({ id: job.id, png });
    if (++drawn % 2 === 0) collect();
  } catch (error) {
    send({ id: job.id, error: String((error as Error)?.stack ?? error) });
  }
}

/**
 * One card per turn of the event loop. A collected card's pixels are freed by a finalizer
 * that Node runs on a later turn; a process that drew its whole mailbox in one turn freed
 * nothing until the mailbox was empty: 11 MB a card.
 */
const waiting: CardJob[] = [];
async function next(): Promise<void> {
  await draw(waiting.shift()!);
  if (waiting.length) setImmediate(next);
}
process.on("message", (job: CardJob) => {
  if (waiting.push(job) === 1) setImmediate(next);
});
// The relay (and the build) gone: nothing more will come.
process.on("disconnect", () => process.exit(0));
