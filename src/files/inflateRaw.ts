/**
 * Raw DEFLATE (zip method 8) unpacked synchronously into a buffer of known size: with Node's native zlib where
 * there is one, with fflate in the browser. The zip reader (zipArchive) gives each entry a buffer one
 * byte larger than the entry declares, so that an entry unpacking to more than it declares fills the spare byte
 * and is caught without the inflater ever growing a buffer.
 */
import { Inflate, inflateSync } from "fflate";
import { nodeZlib, type NodeZlib } from "./nodeZlib";

/**
 * Unpacks `packed` into `out` and returns how many bytes it unpacked to, never more than out.length: a result of
 * out.length means "at least that many", the stream may go on. Throws on a damaged stream.
 */
export type RawInflater = (packed: Uint8Array, out: Uint8Array) => number;

/**
 * Packed bytes up to which fflate inflates an entry in one call. Given `out`, fflate never grows it: a literal or
 * a copy past its end is dropped and the view it returns stops at out.length; a stored block it copies with one
 * `set`, which throws a RangeError when the block does not fit (fflate 0.8, `inflt` in
 * node_modules/fflate/esm/index.mjs). But that call cannot stop early: a lying entry is decoded to its end with
 * the excess dropped, up to 1032 bytes per packed byte at ~3 ns each. 256 KB bounds the waste to about a second;
 * longer entries (a returned table packs to tens of KB; pasted photos are longer) are inflated in steps instead.
 */
const ONE_CALL_MAX_PACKED = 256 * 1024;
/** Packed bytes fed per step: a lying entry is stopped within one step's output (at most ~64 MB). */
const STEP = 64 * 1024;

export const fflateInflater: RawInflater = (packed, out) => (packed.length <= ONE_CALL_MAX_PACKED ? inflateInOneCall(packed, out) : inflateInSteps(packed, out));

function inflateInOneCall(packed: Uint8Array, out: Uint8Array): number {
  try {
    return inflateSync(packed, { out }).length;
  } catch (error) {
    // A stored block longer than what is left of `out`. (By name: under Jest the error comes from another realm.)
    if ((error as { name?: unknown }).name === "RangeError") return out.length;
    throw error;
  }
}

/** fflate's streaming inflater, whose growing buffers cost more on small entries, but which can be stopped. */
function inflateInSteps(packed: Uint8Array, out: Uint8Array): number {
  let written = 0;
  const inflater = new Inflate((chunk) => {
    const fits = chunk.subarray(0, out.length - written);
    out.set(fits, written);
    written += fits.length;
  });
  for (let offset = 0; offset < packed.length && written < out.length; offset += STEP) {
    inflater.push(packed.subarray(offset, offset + STEP), offset + STEP >= packed.length);
  }
  return written;
}

/**
 * Node's zlib stops with ERR_BUFFER_TOO_LARGE as soon as its output passes maxOutputLength (within one 16 KB step),
 * so a lying entry costs neither memory nor time. Its output is a buffer of its own, copied into `out`.
 */
export function nodeInflater(zlib: NodeZlib): RawInflater {
  return (packed, out) => {
    let unpacked: Uint8Array;
    try {
      unpacked = zlib.inflateRawSync(packed, { maxOutputLength: out.length });
    } catch (error) {
      if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return out.length;
      throw error;
    }
    out.set(unpacked);
    return unpacked.length;
  };
}

/** The inflater of the platform this runs on. */
export const platformInflater: RawInflater = nodeZlib ? nodeInflater(nodeZlib) : fflateInflater;
