import type { Server, ServerResponse } from 'node:http';

/**
 * Graceful shutdown for every way in (fast path, express, attachments, module routes): counts the
 * requests under way, and once closing refuses new ones, also those arriving on kept-alive
 * connections, so nothing new starts against a pool about to close. `close` resolves when the
 * requests under way have answered, or after the grace period.
 */
export class RequestDrain {
  private active = 0;
  private closing = false;
  private idle: (() => void) | null = null;

  /** Counts the request until its response is done; false once closing (the caller refuses it). */
  admit(res: ServerResponse): boolean {
    if (this.closing) return false;
    this.active++;
    res.once('close', () => {
      this.active--;
      if (this.active === 0) this.idle?.();
    });
    return true;
  }

  async close(server: Server, graceMs: number): Promise<void> {
    this.closing = true;
    // Idle kept-alive connections would otherwise carry new requests in; busy ones close after their answer.
    server.closeIdleConnections();
    if (this.active === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
