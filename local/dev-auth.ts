// Local stand-in for the Cognito user pool and API Gateway's JWT authorizer: tokens signed with a key made at start,
// checked for signature, issuer, audience and expiry exactly where the cloud authorizer would check them.
import { SignJWT, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { GROUPS } from '../shared/auth/permissions.ts';
import { BranchId, StationId } from '../shared/domain/primitives.ts';

const ISSUER = 'urn:duty-roster:local-dev';
const AUDIENCE = 'duty-roster-local';

export const DevTokenRequest = z.strictObject({
  sub: z.string().min(1).max(128),
  groups: z.array(z.enum(GROUPS)).min(1),
  stationId: StationId.optional(),
  /** The branch of a `branch` user (`custom:branchId`). */
  branchId: BranchId.optional(),
  /** Lifetime in seconds (default one hour). */
  expiresIn: z.int().min(1).max(86_400).default(3600),
});
export type DevTokenRequest = z.input<typeof DevTokenRequest>;

export type DevAuthority = {
  issue(request: DevTokenRequest): Promise<string>;
  /** The claims as API Gateway hands them to a function, or null when the token is missing, forged or expired. */
  verify(authorization: string | undefined): Promise<Record<string, string | number | boolean> | null>;
};

export async function createDevAuthority(): Promise<DevAuthority> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return {
    async issue(request) {
      const { sub, groups, stationId, branchId, expiresIn } = DevTokenRequest.parse(request);
      return new SignJWT({
        'cognito:groups': groups,
        ...(stationId ? { 'custom:stationId': stationId } : {}),
        ...(branchId ? { 'custom:branchId': branchId } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${expiresIn}s`)
        .sign(privateKey);
    },
    async verify(authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (!token) return null;
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer: ISSUER, audience: AUDIENCE });
        return asGatewayClaims(payload);
      } catch {
        return null;
      }
    },
  };
}

/** API Gateway passes every claim as a string; arrays become "[a b]". */
function asGatewayClaims(payload: JWTPayload): Record<string, string | number | boolean> {
  const claims: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[name] = value;
    else if (value !== undefined && value !== null) claims[name] = JSON.stringify(value);
  }
  return claims;
}
