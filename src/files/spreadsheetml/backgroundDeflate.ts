/**
 * Node's zlib on a second thread: a large part's pieces are deflated there while this thread writes the pieces
 * that follow, on the core a merge otherwise leaves idle. Deflating was a fifth of writing a 60,000-row master.
 *
 * Synchronous to its callers, like the rest of the writer: a part's last piece waits (Atomics.wait) for those
 * still being deflated, and results are taken off their port with receiveMessageOnPort, never through the event
 * loop. Each piece carries a claim in shared memory that either thread takes before deflating it: a piece the
 * second thread has not begun when it is needed (the thread still starting, or behind) is deflated here instead
 * of waited for. The bytes are nodeCompression's whoever deflates: each piece on its own, sync-flushed, the last
 * one finished. A part that fits in one piece never leaves this thread, so small workbooks never start the thread
 * at all. If the thread cannot start, dies or stalls, what it was given is deflated here: the file is the same.
 */
import type { NodeZlib } from "../nodeZlib";
import { nodeCompression, type Compression, type DeflateLevel, type PartDeflater } from "./deflateRaw";

export type WorkerThreads = typeof import("node:worker_threads");

/** Pieces sent ahead before the oldest is waited for: about 4 MB of XML, so a busy second core costs no memory. */
const MAX_IN_FLIGHT = 16;
/** No result for this long: the thread is taken for dead and this one deflates instead. */
const DEFAULT_STALL_MS = 5_000;

/** A piece's claim: not yet taken, taken by the second thread, taken by this one. */
const UNCLAIMED = 0;
const CLAIMED_THERE = 1;
const CLAIMED_HERE = 2;

/**
 * The thread's whole program: deflate each piece that arrives unless this thread claimed it first, answer on the
 * same port, count answers for the waiter.
 */
const THREAD_SOURCE = `
const { workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const { port, answered } = workerData;
const count = new Int32Array(answered);
port.on("message", ({ id, data, level, final, claim }) => {
  if (Atomics.compareExchange(new Int32Array(claim), 0, ${UNCLAIMED}, ${CLAIMED_THERE}) !== ${UNCLAIMED}) return;
  const finishFlush = final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
  port.postMessage({ id, deflated: zlib.deflateRawSync(data, { level, finishFlush }) });
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
});
`;

interface Job {
  data: Uint8Array;
  level: DeflateLevel;
  final: boolean;
  /** One Int32 in shared memory: UNCLAIMED, CLAIMED_THERE or CLAIMED_HERE. */
  claim: Int32Array;
}

/** The second thread, started on first use; one per process, never keeping it alive. */
class DeflateThread {
  private readonly port: import("node:worker_threads").MessagePort;
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  private readonly jobs = new Map<number, Job>();
  private readonly results = new Map<number, Uint8Array>();
  private nextId = 0;
  private broken = false;

  constructor(
    private readonly threads: WorkerThreads,
    private readonly inline: Compression,
    private readonly stallMs: number,
  ) {
    const { port1, port2 } = new threads.MessageChannel();
    const worker = new threads.Worker(THREAD_SOURCE, { eval: true, workerData: { port: port2, answered: this.answered.buffer }, transferList: [port2] });
    worker.unref();
    worker.on("error", () => (this.broken = true));
    this.port = port1;
    this.port.unref();
  }

  send(piece: Omit<Job, "claim">): number {
    const id = this.nextId++;
    const job = { ...piece, claim: new Int32Array(new SharedArrayBuffer(4)) };
    this.jobs.set(id, job);
    if (!this.broken) this.port.postMessage({ id, data: job.data, level: job.level, final: job.final, claim: job.claim.buffer });
    return id;
  }

  /** Deflates job `id` here now, unless the thread has begun it. */
  claimHere(id: number): void {
    const job = this.jobs.get(id);
    if (!job || this.results.has(id)) return;
    if (Atomics.compareExchange(job.claim, 0, UNCLAIMED, CLAIMED_HERE) !== UNCLAIMED) return;
    this.results.set(id, this.deflateHere(job));
  }

  /** The deflated bytes of job `id`: made here if the thread has not begun it, else waited for (here if it is gone). */
  take(id: number): Uint8Array {
    this.claimHere(id);
    while (!this.results.has(id) && !this.broken) {
      const seen = Atomics.load(this.answered, 0);
      const answer = this.threads.receiveMessageOnPort(this.port) as { message: { id: number; deflated: Uint8Array } } | undefined;
      if (answer) this.results.set(answer.message.id, answer.message.deflated);
      else if (Atomics.wait(this.answered, 0, seen, this.stallMs) === "timed-out") this.broken = true;
    }
    const job = this.jobs.get(id);
    this.jobs.delete(id);
    const result = this.results.get(id);
    this.results.delete(id);
    if (result) return result;
    if (!job) throw new Error(`no deflate job ${id}`);
    return this.deflateHere(job);
  }

  private deflateHere(job: Job): Uint8Array {
    return this.inline.deflater(job.level).push(job.data, job.final)[0] ?? new Uint8Array(0);
  }
}

/** nodeCompression, with the pieces of large parts deflated on a second thread. `stallMs` is for the tests. */
export function backgroundCompression(zlib: NodeZlib, threads: WorkerThreads, stallMs = DEFAULT_STALL_MS): Compression {
  const inline = nodeCompression(zlib);
  let thread: DeflateThread | undefined;
  let threadless = false;
  const startThread = (): DeflateThread | undefined => {
    if (!thread && !threadless) {
      try {
        thread = new DeflateThread(threads, inline, stallMs);
      } catch {
        threadless = true;
      }
    }
    return thread;
  };
  return {
    deflater(level): PartDeflater {
      const sent: number[] = [];
      return {
        push(data, final) {
          // A part in one piece: deflated here, no thread needed.
          const active = final && sent.length === 0 ? undefined : startThread();
          if (!active) return inline.deflater(level).push(data, final);
          sent.push(active.send({ data, level, final }));
          const ready: Uint8Array[] = [];
          if (final) {
            // From the newest back, while the thread works from the oldest: the part ends when both meet.
            for (let at = sent.length - 1; at >= 0; at--) active.claimHere(sent[at]!);
            return sent.splice(0).map((id) => active.take(id));
          }
          while (sent.length > MAX_IN_FLIGHT) ready.push(active.take(sent.shift() ?? 0));
          return ready;
        },
      };
    },
    crc32: inline.crc32,
  };
}
