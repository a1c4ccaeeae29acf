import type { Span, Tracer } from '@opentelemetry/api';

/**
 * OpenTelemetry traces, on only when an OTLP endpoint is configured. `startTelemetry` must run before
 * anything loads `http` or `pg` (the instrumentations patch them as they are loaded): the gateway's
 * `main.ts` imports `apps/gateway/src/telemetry-first.ts` first, which imports this file through its
 * own alias (`@platform/server/telemetry`) so that none of the gateway is loaded yet. This file loads
 * nothing but the API's types at the top; the SDK, the exporter and the instrumentations are required
 * only when tracing is on. Off, nothing is registered: the `@opentelemetry/api` calls are no-ops and
 * the request pipeline does not even make them (`RequestPipeline.tracing`).
 */

/** The `service.name` of the spans unless `OTEL_SERVICE_NAME` says otherwise. */
export const DEFAULT_SERVICE_NAME = 'town-safety-gateway';

/** Paths whose requests get no span (probes and scrapes, many a minute, nothing to learn). */
const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The property of an incoming request under which the request pipeline leaves a function that names
 * and annotates the request's HTTP server span just before it ends (the HTTP instrumentation's
 * `applyCustomAttributesOnSpan`, called when the response closes, after the status is known).
 */
export const SERVER_SPAN_END = Symbol.for('town-safety.telemetry.server-span-end');
export type ServerSpanEnd = (span: Span) => void;

export interface Telemetry {
  /** Where spans go (OTLP/HTTP, JSON). */
  readonly url: string;
  readonly serviceName: string;
  readonly tracer: Tracer;
  /** Exports the spans still buffered; gives up after `timeoutMs` (a collector that does not answer must not hold a shutdown). */
  flush(timeoutMs?: number): Promise<void>;
}

let active: Telemetry | null = null;

/** The telemetry `startTelemetry` started in this process, null when tracing is off. */
export function activeTelemetry(): Telemetry | null {
  return active;
}

/**
 * The OTLP/HTTP traces URL from the standard variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as it
 * is, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`; null when neither is set or the value is not
 * an http(s) URL (the configuration check then stops the start naming the variable).
 */
export function tracesUrl(env: Readonly<Record<string, string | undefined>>): string | null {
  const traces = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']?.trim();
  const base = env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim();
  const url = traces || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (!url) return null;
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Starts tracing when an OTLP endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), else does nothing at all and returns null. On: a
 * NodeTracerProvider with a BatchSpanProcessor and the OTLP/HTTP (JSON) exporter, registered
 * globally with W3C trace-context propagation (`traceparent` of a request is honoured; the SDK's
 * default also carries W3C baggage); the HTTP instrumentation (no spans for /healthz, /readyz,
 * /metrics; outgoing requests only inside a trace) and the pg one (statement text, never the values;
 * only statements inside a trace, so periodic sweeps make no orphan spans). `service.name` is
 * `OTEL_SERVICE_NAME` (default `town-safety-gateway`); the SDK reads `OTEL_TRACES_SAMPLER`/`_ARG`,
 * `OTEL_EXPORTER_OTLP_HEADERS`/`_TIMEOUT` and `OTEL_BSP_*` from the process environment itself.
 */
export function startTelemetry(env: Readonly<Record<string, string | undefined>> = process.env): Telemetry | null {
  if (active) return active;
  const url = tracesUrl(env);
  if (!url) return null;
  // Loaded only now: with tracing off, not one module of the SDK is in the process.
  const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { ATTR_SERVICE_NAME } = require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');

  const serviceName = env['OTEL_SERVICE_NAME']?.trim() || DEFAULT_SERVICE_NAME;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '/').split('?', 1)[0]!),
        requireParentforOutgoingSpans: true,
        // A GET's GraphQL text and variables may hold personal data: kept out of `url.query` (with the instrumentation's own list).
        redactedQueryParamsServer: ['query', 'variables', 'extensions', 'sig', 'Signature', 'AWSAccessKeyId', 'X-Goog-Signature', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token'],
        applyCustomAttributesOnSpan: (span, req) => (req as { [SERVER_SPAN_END]?: ServerSpanEnd })[SERVER_SPAN_END]?.(span),
      }),
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  active = {
    url,
    serviceName,
    tracer: provider.getTracer(DEFAULT_SERVICE_NAME),
    flush: (timeoutMs = 3000) => provider.forceFlush({ timeoutMillis: timeoutMs }),
  };
  return active;
}
