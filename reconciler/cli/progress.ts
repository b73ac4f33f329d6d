/**
 * Progress on stderr (issue 14 #8): on a TTY unless CI is set, or whenever --progress is given. One line
 * per update — phase (read, apply, verify), done/total, rate, ETA and failures; on a TTY the line is
 * redrawn in place.
 */
import { escapeControl } from '../util/escape';
import type { CliIo, Flags } from './io';

export class Progress {
  readonly on: boolean;
  private phaseStarted = 0;
  private phase = '';

  constructor(
    private readonly io: CliIo,
    flags: Flags,
    private readonly clock: () => number = Date.now,
  ) {
    this.on = flags.progress === true || (io.stderrIsTty === true && !io.env.CI && flags.quiet !== true);
  }

  /**
   * A free-form line (e.g. "Reading 3 domains from the platform…"). Escaped (util/escape.ts): it carries names
   * from files and the platform, which must not move the cursor, recolour or add lines.
   */
  say(msg: string): void {
    if (!this.on) return;
    const safe = escapeControl(msg);
    this.io.stderr(this.io.stderrIsTty ? `\r\x1b[2K${safe}` : `${safe}\n`);
  }

  /** A counted step of a phase: `apply 489/1001 · 35.2/s · ETA 0:14 · 2 failed — applied user 3488`. */
  step(phase: 'read' | 'apply' | 'verify', done: number, total: number, failed: number, detail = ''): void {
    if (!this.on) return;
    const now = this.clock();
    if (phase !== this.phase) {
      this.phase = phase;
      this.phaseStarted = now;
    }
    const seconds = Math.max((now - this.phaseStarted) / 1000, 0.001);
    const rate = done / seconds;
    const eta = rate > 0 && done < total ? ` · ETA ${clock((total - done) / rate)}` : '';
    const rateText = done > 0 && now > this.phaseStarted ? ` · ${rate.toFixed(1)}/s` : '';
    this.say(`${phase} ${done}/${total}${rateText}${eta} · ${failed} failed${detail ? ` — ${detail}` : ''}`);
  }

  end(): void {
    if (this.on && this.io.stderrIsTty) this.io.stderr('\r\x1b[2K');
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${pad(m % 60)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
