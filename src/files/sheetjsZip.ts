/**
 * The parts of a zip we unpacked (zipArchive), handed to SheetJS in the shape of its own zip container, so that
 * SheetJS parses the workbook without reading a zip at all: reading one again from bytes we had already unpacked
 * was an eighth of reading a return. The shape is SheetJS's (what its zip reader builds and its `parse_zip`
 * takes): entry 0 the root, then one entry per part, `FullPaths` naming each as `Root Entry/<part name>`.
 */
import * as XLSX from "@e965/xlsx";

interface ContainerEntry {
  name: string;
  type: 2 | 5;
  content?: Uint8Array;
  size?: number;
}

interface Container {
  FileIndex: ContainerEntry[];
  FullPaths: string[];
}

type ParseZip = (container: Container, options: XLSX.ParsingOptions) => XLSX.WorkBook;

/** Exported by SheetJS, though not in its typings. */
const parseZip = (XLSX as unknown as { parse_zip?: ParseZip }).parse_zip;

/**
 * Node's Buffer where there is one: SheetJS turns a Buffer into its text natively, a plain array through a
 * TextDecoder and a table. Both share the unpacked bytes; nothing is copied.
 */
const NodeBuffer = (globalThis as { Buffer?: { from(buffer: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;

function asContent(bytes: Uint8Array): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
}

/** The workbook in `files` (part name -> bytes, in zip order), parsed by SheetJS. Throws what SheetJS throws. */
export function parseUnpackedZip(files: ReadonlyMap<string, Uint8Array>, options: XLSX.ParsingOptions): XLSX.WorkBook {
  if (!parseZip) throw new Error("this SheetJS build does not export parse_zip");
  const container: Container = { FileIndex: [{ name: "Root Entry", type: 5 }], FullPaths: ["Root Entry/"] };
  for (const [name, bytes] of files) {
    container.FileIndex.push({ name: baseName(name), type: 2, content: asContent(bytes), size: bytes.length });
    container.FullPaths.push(`Root Entry/${name}`);
  }
  return parseZip(container, { ...options, type: "array" });
}

/** The last segment of a part name, a folder's trailing slash aside, as SheetJS names its entries. */
function baseName(name: string): string {
  const trimmed = name.endsWith("/") ? name.slice(0, -1) : name;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
