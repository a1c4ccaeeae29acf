import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ModuleRuntime } from '@platform/core';
import { accessSettings } from '../access.settings';

/**
 * The key that signs access tokens: JWT_SECRET (at least 32 characters) when set; in embedded mode a
 * random one generated once and kept in DATA_DIR/jwt.secret; in server mode without it, a start-up
 * error (replicas must share one secret).
 */
export function signingSecret(runtime: ModuleRuntime): Uint8Array {
  const fromEnv = accessSettings.read(runtime.settings).JWT_SECRET;
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  if (!runtime.embedded) throw new Error('JWT_SECRET is required when DATABASE_URL is set (every gateway replica must sign with the same secret).');
  const file = path.resolve(runtime.dataDir, 'jwt.secret');
  if (!existsSync(file)) {
    mkdirSync(runtime.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
