// Every API request the emulator received, so tests can assert call counts, paging, retries and the
// X-NetSapiens-Log tag the client is supposed to send.

export interface RequestLogEntry {
  readonly method: string;
  /** Path after `/ns-api/v2`, percent-decoded, without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /**
   * Status sent; 0 when the connection was dropped by a fault before handling. For an answer cut by a fault
   * after handling (`cut`), the status the platform decided on: the request took effect.
   */
  readonly status: number;
  /** A fault cut the exchange: `dropped` before handling, `dropped-after` or `cut-body` after it. */
  readonly cut?: 'dropped' | 'dropped-after' | 'cut-body';
  /** Value of the `X-NetSapiens-Log` request header, if any. */
  readonly logTag?: string;
  /** Parsed JSON request body, if any. */
  readonly body?: unknown;
  readonly time: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  get count(): number {
    return this.entries.length;
  }

  list(): RequestLogEntry[] {
    return this.entries.slice();
  }

  reset(): void {
    this.entries = [];
  }

  /** Used by the server only. */
  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }
}
