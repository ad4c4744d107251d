// Sign-in through the Cognito hosted UI with the authorization code flow and PKCE (oidc-client-ts): the browser
// sees only a one-time code and the state in its address bar, never a token; tokens come from the token endpoint by
// POST and stay in this tab's sessionStorage; they are renewed with the refresh token (POST) a minute before they
// expire; sign-out revokes the refresh token and ends the session at Cognito. Self-contained: the page uses only
// `hostedSignIn` and the `HostedSignIn` interface, whatever framework draws it.
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';

export type HostedSignInConfig = {
  /** The user pool, e.g. `ap-east-1_AbCdEf123`: the issuer is derived from it. */
  userPoolId: string;
  clientId: string;
  /** The hosted UI's address, e.g. `https://duty-roster-prod.auth.ap-east-1.amazoncognito.com`. */
  cognitoDomain: string;
  /** The OpenID issuer; default the user pool's (`https://cognito-idp.<region>.amazonaws.com/<userPoolId>`). */
  authority?: string;
  /** Where the hosted UI sends the browser back (sign-in) and where sign-out lands; default this page. */
  redirectUri?: string;
};

export type HostedSignIn = {
  /**
   * The ID token of this tab's session, or null: completes a return from the hosted UI first (then takes the code
   * and state out of the address bar), else renews a session whose tokens have run out, if it can.
   */
  start(): Promise<string | null>;
  /** Goes to the hosted UI. */
  signIn(): Promise<void>;
  /** Forgets the session here, revokes its refresh token and ends it at Cognito (the browser goes there and back). */
  signOut(): Promise<void>;
  /** Called with every new ID token after a renewal; with null when renewal failed and the session is over. */
  onChange(listener: (idToken: string | null) => void): void;
};

export const issuerOf = (userPoolId: string): string => `https://cognito-idp.${userPoolId.split('_')[0]}.amazonaws.com/${userPoolId}`;

const pageAddress = (): string => `${location.origin}${location.pathname}`;

export function hostedSignIn(config: HostedSignInConfig): HostedSignIn {
  const domain = config.cognitoDomain.replace(/\/+$/, '');
  const redirectUri = config.redirectUri ?? pageAddress();
  const manager = new UserManager({
    authority: config.authority ?? issuerOf(config.userPoolId),
    client_id: config.clientId,
    redirect_uri: redirectUri,
    post_logout_redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: 'openid email profile',
    // Cognito's discovery document has no end-session endpoint; its hosted UI logs out at /logout.
    metadataSeed: { end_session_endpoint: `${domain}/logout` },
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
    // Renew a minute before the tokens expire, with the refresh token, never with an ID token in a URL.
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    includeIdTokenInSilentRenew: false,
    revokeTokenTypes: ['refresh_token'],
    monitorSession: false,
  });
  const listeners: ((idToken: string | null) => void)[] = [];
  const tell = (idToken: string | null) => {
    for (const listener of listeners) listener(idToken);
  };
  manager.events.addUserLoaded((user: User) => tell(user.id_token ?? null));
  manager.events.addSilentRenewError(() => {
    void manager.removeUser().then(() => tell(null));
  });

  const returning = (): boolean => {
    const params = new URLSearchParams(location.search);
    return params.has('state') && (params.has('code') || params.has('error'));
  };
  /** Takes the code, state and any error out of the address bar, keeping the rest of it. */
  const cleanAddress = () => {
    const url = new URL(location.href);
    for (const name of ['code', 'state', 'error', 'error_description', 'session_state', 'iss']) url.searchParams.delete(name);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  };

  return {
    async start() {
      if (returning()) {
        try {
          const user = await manager.signinRedirectCallback();
          return user.id_token ?? null;
        } finally {
          cleanAddress();
        }
      }
      const user = await manager.getUser();
      if (!user) return null;
      if (!user.expired) return user.id_token ?? null;
      if (!user.refresh_token) {
        await manager.removeUser();
        return null;
      }
      try {
        const renewed = await manager.signinSilent();
        return renewed?.id_token ?? null;
      } catch {
        await manager.removeUser();
        return null;
      }
    },
    async signIn() {
      await manager.signinRedirect();
    },
    async signOut() {
      const user = await manager.getUser();
      if (user?.refresh_token) await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      await manager.removeUser();
      // Cognito's logout takes the client and where to come back, not an id_token_hint: no token in this URL either.
      const logout = new URL(`${domain}/logout`);
      logout.searchParams.set('client_id', config.clientId);
      logout.searchParams.set('logout_uri', redirectUri);
      location.assign(logout.toString());
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
