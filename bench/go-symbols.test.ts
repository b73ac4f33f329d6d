import { describe, expect, it } from 'vitest';
import { readGoSymbols } from './go-symbols';

const TEXT = 0x401000;

/** A minimal 64-bit ELF with one PT_LOAD segment and a Go 1.20 `.gopclntab` naming `funcs` (entry offsets from TEXT). */
function goElf(funcs: { name: string; entry: number }[], end: number, magic = 0xfffffff1): Buffer {
  // .gopclntab: header (72 bytes), function names, then functab (entry, funcOff pairs + the end entry) and _func records.
  const names = Buffer.concat(funcs.map((f) => Buffer.from(`${f.name}\0`, 'utf8')));
  const namesAt = 72;
  const functabAt = namesAt + names.length + ((8 - ((namesAt + names.length) % 8)) % 8);
  const pairs = (funcs.length + 1) * 8;
  const pcln = Buffer.alloc(functabAt + pairs + funcs.length * 8);
  pcln.writeUInt32LE(magic, 0);
  pcln[6] = 1;
  pcln[7] = 8;
  pcln.writeBigUInt64LE(BigInt(funcs.length), 8);
  pcln.writeBigUInt64LE(BigInt(TEXT), 24);
  pcln.writeBigUInt64LE(BigInt(namesAt), 32);
  pcln.writeBigUInt64LE(BigInt(functabAt), 64);
  names.copy(pcln, namesAt);
  let nameOff = 0;
  funcs.forEach((f, k) => {
    const funcOff = pairs + k * 8;
    pcln.writeUInt32LE(f.entry, functabAt + k * 8);
    pcln.writeUInt32LE(funcOff, functabAt + k * 8 + 4);
    pcln.writeUInt32LE(f.entry, functabAt + funcOff);
    pcln.writeInt32LE(nameOff, functabAt + funcOff + 4);
    nameOff += Buffer.byteLength(f.name) + 1;
  });
  pcln.writeUInt32LE(end, functabAt + funcs.length * 8);

  const shstr = Buffer.from('\0.shstrtab\0.gopclntab\0', 'latin1');
  const phoff = 64;
  const shstrAt = 0x200;
  const pclnAt = 0x1000;
  const shoff = pclnAt + pcln.length + ((8 - (pcln.length % 8)) % 8);
  const file = Buffer.alloc(shoff + 3 * 64);
  file.writeUInt32BE(0x7f454c46, 0);
  file[4] = 2;
  file[5] = 1;
  file.writeBigUInt64LE(BigInt(phoff), 0x20);
  file.writeBigUInt64LE(BigInt(shoff), 0x28);
  file.writeUInt16LE(56, 0x36);
  file.writeUInt16LE(1, 0x38);
  file.writeUInt16LE(64, 0x3a);
  file.writeUInt16LE(3, 0x3c);
  file.writeUInt16LE(1, 0x3e);
  // PT_LOAD: file offset 0x1000 at TEXT, 0x2000 bytes.
  file.writeUInt32LE(1, phoff);
  file.writeBigUInt64LE(0x1000n, phoff + 8);
  file.writeBigUInt64LE(BigInt(TEXT), phoff + 16);
  file.writeBigUInt64LE(0x2000n, phoff + 32);
  shstr.copy(file, shstrAt);
  pcln.copy(file, pclnAt);
  const section = (i: number, name: number, at: number, size: number) => {
    file.writeUInt32LE(name, shoff + i * 64);
    file.writeBigUInt64LE(BigInt(at), shoff + i * 64 + 24);
    file.writeBigUInt64LE(BigInt(size), shoff + i * 64 + 32);
  };
  section(1, 1, shstrAt, shstr.length);
  section(2, 11, pclnAt, pcln.length);
  return file;
}

const FUNCS = [
  { name: 'runtime.main', entry: 0x40 },
  { name: 'main.main', entry: 0x100 },
  { name: 'github.com/x/y.(*T).Method', entry: 0x180 },
];

describe('readGoSymbols', () => {
  const syms = readGoSymbols(goElf(FUNCS, 0x200));

  it('names the function that holds an address: its entry, inside it, its last byte', () => {
    expect(syms.functions).toBe(3);
    expect(syms.lookup(TEXT + 0x40)).toBe('runtime.main');
    expect(syms.lookup(TEXT + 0xff)).toBe('runtime.main');
    expect(syms.lookup(TEXT + 0x100)).toBe('main.main');
    expect(syms.lookup(TEXT + 0x17f)).toBe('main.main');
    expect(syms.lookup(TEXT + 0x180)).toBe('github.com/x/y.(*T).Method');
    expect(syms.lookup(TEXT + 0x1ff)).toBe('github.com/x/y.(*T).Method');
  });

  it('names nothing before the first function or past the end of the text', () => {
    expect(syms.lookup(TEXT + 0x3f)).toBeUndefined();
    expect(syms.lookup(TEXT - 1)).toBeUndefined();
    expect(syms.lookup(TEXT + 0x200)).toBeUndefined();
  });

  it('maps a file offset inside a loaded segment to its virtual address, and nothing outside', () => {
    expect(syms.vaddrOfOffset(0x1000)).toBe(TEXT);
    expect(syms.vaddrOfOffset(0x1140)).toBe(TEXT + 0x140);
    expect(syms.vaddrOfOffset(0xfff)).toBeUndefined();
    expect(syms.vaddrOfOffset(0x3000)).toBeUndefined();
  });

  it('refuses what it cannot read, saying what it is', () => {
    expect(() => readGoSymbols(Buffer.from('#!/bin/sh\necho hi\n'.padEnd(80)))).toThrow(/not an ELF file/);
    expect(() => readGoSymbols(goElf(FUNCS, 0x200, 0xfffffff0))).toThrow(/unsupported \.gopclntab.*Go 1\.20/);
  });
});
