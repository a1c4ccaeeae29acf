/**
 * Imported first by main.ts, before anything loads `http` or `pg`: OpenTelemetry's instrumentations
 * patch those modules as they are loaded, so tracing has to start before the gateway is even
 * imported. An import rather than `node --require`: the start command stays the same everywhere
 * (`npm start`, Docker, the tests), and nobody can start the gateway without it by accident. With
 * neither OTEL_EXPORTER_OTLP_ENDPOINT nor OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set this does nothing
 * (see libs/platform/server/src/telemetry.ts).
 */
import { startTelemetry } from '@platform/server/telemetry';

startTelemetry(process.env);
