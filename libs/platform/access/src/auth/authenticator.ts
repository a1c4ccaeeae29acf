import { UnauthenticatedError, type Authenticator, type CredentialSource, type Principal } from '@platform/core';
import type { PrincipalLoader } from './principal-loader';
import { apiKeyPrefix, sha256, type TokenSigner } from './tokens';

/**
 * `Authorization: Bearer <access token>` for users, `Authorization: Bearer tsk_…` or
 * `X-Api-Key: tsk_…` for API clients, nothing for anonymous. Anything present but wrong is
 * UNAUTHENTICATED (HTTP 401), never silently anonymous.
 */
export class PlatformAuthenticator implements Authenticator {
  constructor(
    private readonly signer: TokenSigner,
    private readonly loader: PrincipalLoader,
  ) {}

  async authenticate(request: CredentialSource): Promise<Principal> {
    const header = single(request.headers['authorization']);
    const apiKey = single(request.headers['x-api-key']);
    if (header !== undefined) {
      const m = /^Bearer ([^\s]+)$/i.exec(header.trim());
      if (!m) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
      return m[1]!.startsWith('tsk_') ? this.apiClient(m[1]!) : this.user(m[1]!);
    }
    if (apiKey !== undefined) return this.apiClient(apiKey.trim());
    return this.loader.anonymous();
  }

  private async user(token: string): Promise<Principal> {
    const claims = await this.signer.verify(token);
    if (!claims) throw new UnauthenticatedError('The access token is invalid or expired: refresh it or sign in again.');
    return this.loader.user(claims.userId, claims.sessionId);
  }

  private apiClient(key: string): Promise<Principal> {
    const prefix = apiKeyPrefix(key);
    if (!prefix) throw new UnauthenticatedError('The API key is malformed.');
    return this.loader.apiClient(prefix, sha256(key));
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
