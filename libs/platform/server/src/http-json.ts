import type { ServerResponse } from 'node:http';

/** Sends a JSON body with its length, as Apollo does (`application/json; charset=utf-8`). */
export function sendJson(res: ServerResponse, status: number, body: unknown, json = JSON.stringify(body)): void {
  const payload = Buffer.from(json, 'utf8');
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', payload.length);
  res.end(payload);
}
