/**
 * Function names for addresses in a Go executable, read from its `.gopclntab` section (the table the Go
 * runtime itself uses for stack traces, kept even in stripped release builds such as Terraform's). Used by
 * bench/terraform-profile.ts to name the frames `perf` records in the `terraform` process, which has no
 * ELF symbol table. Layout: Go 1.20 and later (`pcHeader` magic 0xfffffff1), 64-bit little-endian ELF.
 */

const PCLN_MAGIC_GO120 = 0xfffffff1;

export interface GoSymbols {
  /** How many functions the table holds. */
  readonly functions: number;
  /** The function whose code holds this virtual address; undefined outside the text the table covers. */
  lookup(vaddr: number): string | undefined;
  /** A file offset inside a loaded segment → its virtual address (perf prints unsymbolised frames as file offsets). */
  vaddrOfOffset(offset: number): number | undefined;
}

interface Segment {
  readonly offset: number;
  readonly vaddr: number;
  readonly size: number;
}

function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`ELF value at ${at} is out of range`);
  return Number(v);
}

/** Section name → [file offset, size] and the PT_LOAD segments of a 64-bit little-endian ELF file. */
function readElf(b: Buffer): { sections: Map<string, [number, number]>; segments: Segment[] } {
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46) throw new Error('not an ELF file');
  if (b[4] !== 2 || b[5] !== 1) throw new Error('only 64-bit little-endian ELF files are read');
  const phoff = u64(b, 0x20);
  const shoff = u64(b, 0x28);
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  const shstrndx = b.readUInt16LE(0x3e);
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (b.readUInt32LE(at) !== 1) continue; // PT_LOAD
    segments.push({ offset: u64(b, at + 8), vaddr: u64(b, at + 16), size: u64(b, at + 32) });
  }
  const header = (i: number) => shoff + i * shentsize;
  const strtab = u64(b, header(shstrndx) + 24);
  const sections = new Map<string, [number, number]>();
  for (let i = 0; i < shnum; i++) {
    const at = header(i);
    const nameAt = strtab + b.readUInt32LE(at);
    const name = b.toString('latin1', nameAt, b.indexOf(0, nameAt));
    sections.set(name, [u64(b, at + 24), u64(b, at + 32)]);
  }
  return { sections, segments };
}

export function readGoSymbols(file: Buffer): GoSymbols {
  const { sections, segments } = readElf(file);
  const section = sections.get('.gopclntab');
  if (!section) throw new Error('no .gopclntab section: not a Go executable');
  const t = file.subarray(section[0], section[0] + section[1]);
  if (t.readUInt32LE(0) !== PCLN_MAGIC_GO120) {
    throw new Error(`unsupported .gopclntab (magic 0x${t.readUInt32LE(0).toString(16)}; Go 1.20 or later is read)`);
  }
  if (t[7] !== 8) throw new Error('only 64-bit Go executables are read');
  const count = u64(t, 8);
  const textStart = u64(t, 24);
  const names = u64(t, 32);
  const functab = u64(t, 64);
  const entries = new Uint32Array(count);
  const nameOffsets = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    entries[k] = t.readUInt32LE(functab + k * 8);
    // The _func record (at functab + its offset) starts with entryOff (uint32) and nameOff (int32).
    nameOffsets[k] = t.readInt32LE(functab + t.readUInt32LE(functab + k * 8 + 4) + 4);
  }
  // The table ends with the end of the text: one more entry after the last function.
  const end = count > 0 ? t.readUInt32LE(functab + count * 8) : 0;
  const cache = new Map<number, string>();
  const nameOf = (k: number): string => {
    let name = cache.get(k);
    if (name === undefined) {
      const at = names + (nameOffsets[k] as number);
      name = t.toString('utf8', at, t.indexOf(0, at));
      cache.set(k, name);
    }
    return name;
  };
  return {
    functions: count,
    lookup(vaddr: number): string | undefined {
      const off = vaddr - textStart;
      if (count === 0 || off < 0 || off >= end || off < (entries[0] as number)) return undefined;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((entries[mid] as number) <= off) lo = mid;
        else hi = mid - 1;
      }
      return nameOf(lo);
    },
    vaddrOfOffset(offset: number): number | undefined {
      const s = segments.find((x) => offset >= x.offset && offset < x.offset + x.size);
      return s ? s.vaddr + (offset - s.offset) : undefined;
    },
  };
}
