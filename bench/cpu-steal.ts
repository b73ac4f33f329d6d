/**
 * The share of CPU time the hypervisor gave to other guests ("steal", /proc/stat) between two readings: on
 * these shared VMs it rose to 20–30 % during some bench runs, and a `terraform plan` that keeps both cores
 * busy loses more to it than a `pbxctl plan` that mostly waits on the network, so every ratio is printed
 * with the steal beside it. Linux only: elsewhere (or without /proc) there is no reading.
 * The same readings give how busy the machine's cores were (`busyBetween`): a `terraform plan` that keeps
 * them near 100 % is bound by CPU, not by the network, and only less CPU makes it faster.
 */
import { readFileSync } from 'node:fs';

export interface CpuTicks {
  readonly steal: number;
  /** Idle and I/O wait. */
  readonly idle: number;
  readonly total: number;
}

/** The aggregate `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal [guest guest_nice]. */
export function parseProcStat(text: string): CpuTicks | undefined {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 8 || fields.some((f) => !Number.isFinite(f))) return undefined;
  // guest time is already counted in user time: only the first eight fields make up the total.
  const idle = (fields[3] as number) + (fields[4] as number);
  return { steal: fields[7] as number, idle, total: fields.reduce((a, b) => a + b, 0) };
}

export function cpuTicks(): CpuTicks | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** "12 %" of the time between the readings, or "?" when either is missing or no time passed. */
export function stealBetween(a: CpuTicks | undefined, b: CpuTicks | undefined): string {
  if (!a || !b || b.total <= a.total) return '?';
  return `${Math.round((100 * (b.steal - a.steal)) / (b.total - a.total))} %`;
}

/** "87 %": the share of the time between the readings the cores ran anything (not idle, not stolen), or "?". */
export function busyBetween(a: CpuTicks | undefined, b: CpuTicks | undefined): string {
  if (!a || !b || b.total <= a.total) return '?';
  const busy = b.total - a.total - (b.idle - a.idle) - (b.steal - a.steal);
  return `${Math.round((100 * busy) / (b.total - a.total))} %`;
}
