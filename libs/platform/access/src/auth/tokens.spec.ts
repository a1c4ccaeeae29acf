import { SignJWT } from 'jose';
import { TokenSigner, apiKeyPrefix, newApiKey } from './tokens';
import { hashPassword, verifyPassword, PASSWORD_PATTERN } from '../users/passwords';
import { declaredSystemGrants } from '../roles/system-roles';
import { directoryModule } from '@platform/directory';
import { kernelModule } from '@platform/core';

const secret = new TextEncoder().encode('unit-test-secret-long-enough-for-hs256!!');

describe('access tokens', () => {
  it('verifies its own tokens and refuses other keys, audiences and expired ones', async () => {
    const signer = new TokenSigner(secret);
    const claims = { userId: '6f1c7a52-2d4e-4b8a-9c1e-3a5b7d9f0e21', sessionId: '0b9e2c4d-6f8a-4c1e-8a3b-5d7f9e1a2c4b' };
    const { token, expiresAt } = await signer.sign(claims);
    expect(await signer.verify(token)).toEqual(claims);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await new TokenSigner(new TextEncoder().encode('another-secret-that-is-long-enough!!!')).verify(token)).toBeNull();
    const expired = await new SignJWT({ sid: claims.sessionId }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.userId).setIssuer('town-safety-platform').setAudience('town-safety-api').setExpirationTime(Math.floor(Date.now() / 1000) - 10).sign(secret);
    expect(await signer.verify(expired)).toBeNull();
    const wrongAudience = await new SignJWT({ sid: claims.sessionId }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.userId).setIssuer('town-safety-platform').setAudience('other').setExpirationTime('5m').sign(secret);
    expect(await signer.verify(wrongAudience)).toBeNull();
    // Correctly signed, but ids that are not UUIDs: not a token this platform issued (no lookup, no 500).
    const injected = await new SignJWT({ sid: claims.sessionId }).setProtectedHeader({ alg: 'HS256' }).setSubject("x' OR '1'='1").setIssuer('town-safety-platform').setAudience('town-safety-api').setExpirationTime('5m').sign(secret);
    expect(await signer.verify(injected)).toBeNull();
  });

  it('makes API keys whose prefix can be read back, and rejects malformed ones', () => {
    const { key, prefix } = newApiKey();
    expect(apiKeyPrefix(key)).toBe(prefix);
    expect(apiKeyPrefix(key.slice(0, -1))).toBeNull();
    expect(apiKeyPrefix(`tsk_XYZ_${'a'.repeat(43)}`)).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('nanping2025');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'nanping2025')).toBe(true);
    expect(await verifyPassword(hash, 'nanping2026')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(PASSWORD_PATTERN.test('short1')).toBe(false);
    expect(PASSWORD_PATTERN.test('longenoughbutnodigits')).toBe(false);
    expect(PASSWORD_PATTERN.test('nanping2025')).toBe(true);
  });
});

describe('system role grants', () => {
  it('follow the modules\' declarations; the super admin holds everything everywhere', () => {
    const grants = declaredSystemGrants([kernelModule, directoryModule]);
    expect(grants.get('super-admin')!.get('directory.person:write')).toBe('ALL');
    expect(grants.get('super-admin')!.size).toBe(kernelModule.permissions.length + directoryModule.permissions.length);
    expect(grants.get('village-officer')!.get('directory.organization:read')).toBe('ORG_SUBTREE');
    expect(grants.get('enterprise-safety-manager')!.get('directory.organization:read')).toBe('OWN_ORG');
    expect(grants.get('public')!.size).toBe(0);
  });
});
