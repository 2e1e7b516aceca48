/**
 * OLE compound files (xls, et, and encrypted xlsx, but also doc, ppt and msg): the names of the streams inside
 * tell a workbook from the other Office documents, and an encrypted xlsx from a readable xls. Read by hand so
 * that sniffing a damaged or hostile file never throws.
 */
import { ByteReader } from "./byteReader";

const CFB_END_OF_CHAIN = 0xfffffffa; // and above: ENDOFCHAIN, FREESECT and other markers
const CFB_HEADER_FAT_SLOTS = 109;

/**
 * The lower-cased names of the storages and streams in an OLE compound file ([MS-CFB] §2.2, §2.6), or undefined
 * when the header or the directory chain is damaged. Walks the FAT by hand so that sniffing never throws.
 */
export function compoundFileNames(bytes: Uint8Array): Set<string> | undefined {
  const reader = new ByteReader(bytes);
  const shift = reader.u16(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors = compoundFileFatSectors(reader, sectorSize, sectorOffset);
  const perFatSector = sectorSize / 4;
  const nextSector = (sector: number) => {
    const fatSector = fatSectors[Math.floor(sector / perFatSector)];
    return fatSector === undefined ? CFB_END_OF_CHAIN : reader.u32(sectorOffset(fatSector) + (sector % perFatSector) * 4);
  };
  const names = new Set<string>();
  const maxSectors = Math.ceil(bytes.length / sectorSize);
  let steps = 0;
  for (let sector = reader.u32(0x30); sector < CFB_END_OF_CHAIN; sector = nextSector(sector)) {
    if (++steps > maxSectors) return undefined; // a cycle in the chain
    const start = sectorOffset(sector);
    for (let entry = start; entry + 128 <= Math.min(start + sectorSize, bytes.length); entry += 128) {
      const name = compoundFileEntryName(bytes, reader, entry);
      if (name !== undefined) names.add(name.toLowerCase());
    }
  }
  return reader.overrun ? undefined : names;
}

function compoundFileFatSectors(reader: ByteReader, sectorSize: number, sectorOffset: (s: number) => number): number[] {
  const count = reader.u32(0x2c);
  const sectors: number[] = [];
  for (let i = 0; i < CFB_HEADER_FAT_SLOTS && sectors.length < count; i++) sectors.push(reader.u32(0x4c + i * 4));
  // Beyond 109 FAT sectors (files over ~7 MB), the list continues in a chain of DIFAT sectors.
  const perDifat = sectorSize / 4 - 1;
  let difat = reader.u32(0x44);
  for (let hops = reader.u32(0x48); hops > 0 && difat < CFB_END_OF_CHAIN && !reader.overrun; hops--) {
    for (let i = 0; i < perDifat && sectors.length < count; i++) sectors.push(reader.u32(sectorOffset(difat) + i * 4));
    difat = reader.u32(sectorOffset(difat) + perDifat * 4);
  }
  return sectors;
}

function compoundFileEntryName(bytes: Uint8Array, reader: ByteReader, entry: number): string | undefined {
  const nameBytes = reader.u16(entry + 64); // UTF-16LE including the terminating NUL
  const type = bytes[entry + 66]; // 1 storage, 2 stream, 5 root
  if (nameBytes < 2 || nameBytes > 64 || (type !== 1 && type !== 2 && type !== 5)) return undefined;
  let name = "";
  for (let p = entry; p < entry + nameBytes - 2; p += 2) name += String.fromCharCode(reader.u16(p));
  return name;
}
