// autocannon 9 ships no types: only the parts tools/bench uses.
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Returns the request to send next; called before every request of a connection. */
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null | undefined;
      /** Called with every response of this request (status, whole body). */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
    }

    interface Options extends Request {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      timeout?: number;
      requests?: Request[];
      /** A run before the measured one, with its result discarded. */
      warmup?: { connections?: number; duration?: number };
      /** False counts the response as a mismatch. */
      verifyBody?: (body: string) => boolean;
    }

    interface Histogram {
      mean: number;
      average: number;
      total: number;
      p50: number;
      p99: number;
    }

    interface Result {
      requests: Histogram & { sent: number };
      latency: Histogram;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      duration: number;
    }
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;

  export = autocannon;
}
