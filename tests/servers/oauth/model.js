'use strict';

// In-memory users, clients and tokens, plus the model interface of @node-oauth/oauth2-server.
//
// Behaviour follows Microsoft's identity platform where a mail client can notice it:
// - access tokens are RS256 JWTs of realistic size (v1.0 Outlook tokens: aud, scp, tid, upn, exp…);
// - a refresh token is issued only when the scope contains offline_access, and every refresh
//   rotates it: a used refresh token is refused (invalid_grant, AADSTS70008);
// - the public client authenticates with no secret, the confidential one must send its secret;
// - failures raise AadError with the AADSTS code Microsoft uses.

const crypto = require('crypto');
const fs = require('fs');
const { AbstractGrantType } = require('@node-oauth/oauth2-server');
const RefreshTokenGrantType = require('@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type');
const { AadError } = require('./aad-errors');

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
// Scopes that are not tied to a resource and never appear in scp.
const OIDC_SCOPES = new Set(['offline_access', 'openid', 'profile', 'email']);
const GRAPH = 'https://graph.microsoft.com';

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const randomText = (bytes) => crypto.randomBytes(bytes).toString('base64url');

// Test-only, for the secret leak audit (scripts/secret-audit): with KURIER_TEST_SECRETS_LOG=FILE
// every secret this server knows or hands out — user passwords, client and introspection
// secrets, access and refresh tokens, authorization and device codes — is appended to FILE as
// "KIND<TAB>VALUE", so that the audit searches Kurier's logs and files for the real values of
// the run. Never set outside the audit; FILE must lie outside what the audit searches.
const secretsLog = process.env.KURIER_TEST_SECRETS_LOG || '';
function recordSecret (kind, value) {
  if (!secretsLog || value === undefined || value === null || value === '') return;
  fs.appendFileSync(secretsLog, `${kind}\t${value}\n`, { mode: 0o600 });
}

class Store {
  constructor (config) {
    this.config = config; // tenantId, baseUrl, lifetimes, device code interval …
    this.users = new Map(); // lower-case username → user
    this.clients = new Map(); // client id → client
    this.accessTokens = new Map(); // JWT → record
    this.refreshTokens = new Map(); // opaque → record
    this.codes = new Map(); // authorization code → record
    this.deviceCodes = new Map(); // device_code → record
    this.userCodes = new Map(); // user_code → record
    this.signingKey = null; // set by ready(); made off the main thread so that start-up is quick
    this.kid = randomText(20);
  }

  // Resolves once the RS256 signing key exists; the HTTP server listens meanwhile.
  ready () {
    if (!this.keyPromise) {
      this.keyPromise = new Promise((resolve, reject) => {
        crypto.generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
          if (err) return reject(err);
          this.signingKey = { publicKey, privateKey };
          resolve();
        });
      });
    }
    return this.keyPromise;
  }

  addUser (u) {
    const given = u.givenName || u.username.split('@')[0].replace(/^./, (c) => c.toUpperCase());
    const user = {
      username: u.username,
      password: u.password,
      givenName: given,
      familyName: u.familyName || 'Test',
      oid: u.oid || crypto.randomUUID(),
      puid: (0x10032000n * 0x100000000n + BigInt(crypto.randomInt(2 ** 32))).toString(16).toUpperCase(),
      accessTokenLifetime: u.accessTokenLifetime, // seconds; overrides the global value for this user
      refreshTokenLifetime: u.refreshTokenLifetime,
      mfaRequired: !!u.mfaRequired // the password grant then fails with AADSTS50076
    };
    this.users.set(user.username.toLowerCase(), user);
    recordSecret('password', user.password);
    return user;
  }

  addClient (c) {
    this.clients.set(c.id, c);
    recordSecret('client_secret', c.secret);
    return c;
  }

  findUser (name) {
    return name ? this.users.get(String(name).toLowerCase()) : undefined;
  }

  // The resource and the short scope names, as Microsoft splits
  // "https://outlook.office.com/POP.AccessAsUser.All offline_access".
  splitScope (scope) {
    const resources = new Set();
    const short = [];
    for (const s of scope || []) {
      if (OIDC_SCOPES.has(s)) continue;
      const m = /^(https?:\/\/[^/]+|api:\/\/[^/]+)\/(.+)$/.exec(s);
      if (m) {
        resources.add(m[1]);
        short.push(m[2]);
      } else {
        resources.add(GRAPH);
        short.push(s);
      }
    }
    return { resources: [...resources], short };
  }

  validateScopeFor (user, client, scope) {
    if (!scope || scope.length === 0) {
      throw new AadError(900144, { field: 'scope' });
    }
    const { resources, short } = this.splitScope(scope);
    if (resources.length > 1) {
      throw new AadError(28000, { scope: scope.join(' ') });
    }
    if (user && user.app) {
      if (short.length !== 1 || short[0] !== '.default') {
        throw new AadError(1002012, { scope: scope.join(' ') });
      }
    }
    return scope;
  }

  // A v1.0 access token as Outlook's resource receives it: ~1.5–2.5 KB.
  makeJwt ({ user, client, scope, expiresAt, pad = 0 }) {
    const now = Math.floor(Date.now() / 1000);
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const { resources, short } = this.splitScope(scope);
    const aud = resources[0] || GRAPH;
    const tid = this.config.tenantId;
    const header = { typ: 'JWT', nonce: randomText(32), alg: 'RS256', x5t: this.kid, kid: this.kid };
    const payload = {
      aud,
      iss: `https://sts.windows.net/${tid}/`,
      iat: now,
      nbf: now,
      exp,
      acct: 0,
      acr: user.app ? undefined : '1',
      aio: randomText(90),
      amr: user.app ? undefined : ['pwd'],
      app_displayname: client.name,
      appid: client.id,
      appidacr: client.secret ? '1' : '0',
      family_name: user.app ? undefined : user.familyName,
      given_name: user.app ? undefined : user.givenName,
      idtyp: user.app ? 'app' : 'user',
      ipaddr: '127.0.0.1',
      name: user.app ? undefined : `${user.givenName} ${user.familyName}`,
      oid: user.app ? client.oid : user.oid,
      puid: user.app ? undefined : user.puid,
      rh: `0.A${randomText(60)}.`,
      roles: user.app ? ['POP.AccessAsApp', 'SMTP.SendAsApp'] : undefined,
      scp: user.app ? undefined : short.join(' '),
      sid: user.app ? undefined : crypto.randomUUID(),
      signin_state: user.app ? undefined : ['kmsi'],
      sub: randomText(32),
      tid,
      unique_name: user.app ? undefined : user.username,
      upn: user.app ? undefined : user.username,
      uti: randomText(16),
      ver: '1.0',
      wids: user.app ? undefined : ['b79fbf4d-3ef9-4689-8143-76b194e85509'],
      xms_st: { sub: randomText(32) },
      xms_tcdt: 1600000000,
      ...(pad > 0 ? { xms_pad: randomText(Math.ceil(pad * 3 / 4)) } : {})
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = crypto.sign('sha256', Buffer.from(signingInput), this.signingKey.privateKey);
    return `${signingInput}.${b64url(signature)}`;
  }

  accessLifetime (user) {
    return (user && user.accessTokenLifetime) || this.config.accessTokenLifetime;
  }

  refreshLifetime (user) {
    return (user && user.refreshTokenLifetime) || this.config.refreshTokenLifetime;
  }

  // Issues an access token (and a refresh token if wanted); used by every grant and by /test/mint.
  issue ({ user, client, scope, withRefresh, lifetime, pad, grant }) {
    const seconds = lifetime !== undefined ? Number(lifetime) : this.accessLifetime(user);
    const expiresAt = new Date(Date.now() + seconds * 1000);
    const accessToken = this.makeJwt({ user, client, scope, expiresAt, pad });
    this.accessTokens.set(accessToken, { user, client, scope, expiresAt, revoked: false, grant });
    recordSecret('access_token', accessToken);
    const result = {
      accessToken,
      accessTokenExpiresAt: expiresAt,
      // Microsoft lists the granted resource scopes, without offline_access/openid.
      scope: scope.filter((s) => !OIDC_SCOPES.has(s)),
      client,
      user,
      ext_expires_in: Math.max(0, Math.round(seconds))
    };
    if (withRefresh) {
      const refreshToken = `1.A${randomText(560)}`;
      const refreshTokenExpiresAt = new Date(Date.now() + this.refreshLifetime(user) * 1000);
      recordSecret('refresh_token', refreshToken);
      this.refreshTokens.set(refreshToken, {
        user, client, scope, expiresAt: refreshTokenExpiresAt, issuedAt: new Date(), used: false
      });
      result.refreshToken = refreshToken;
      result.refreshTokenExpiresAt = refreshTokenExpiresAt;
    }
    return result;
  }

  revokeUser (username) {
    let n = 0;
    for (const map of [this.accessTokens, this.refreshTokens]) {
      for (const rec of map.values()) {
        if (rec.user.username && rec.user.username.toLowerCase() === username.toLowerCase()) {
          rec.revoked = true;
          rec.used = true;
          n++;
        }
      }
    }
    return n;
  }

  // RFC 7662 §2.2 answer for a token.
  introspect (token) {
    const rec = this.accessTokens.get(token);
    if (!rec || rec.revoked || rec.expiresAt.getTime() <= Date.now()) {
      return { active: false, user: rec ? rec.user : undefined };
    }
    const mailbox = rec.user.app ? rec.client.mailbox : rec.user.username;
    const { resources } = this.splitScope(rec.scope);
    return {
      active: true,
      user: rec.user,
      body: {
        active: true,
        scope: this.splitScope(rec.scope).short.join(' '),
        client_id: rec.client.id,
        username: mailbox,
        email: mailbox,
        token_type: 'Bearer',
        exp: Math.floor(rec.expiresAt.getTime() / 1000),
        iat: Math.floor(Date.now() / 1000),
        sub: rec.user.app ? rec.client.oid : rec.user.oid,
        aud: resources[0] || GRAPH,
        iss: `https://sts.windows.net/${this.config.tenantId}/`
      }
    };
  }

  // --- the library's model interface -------------------------------------------------------

  // Token endpoint: the client and its secret are checked here so that each failure gets
  // Microsoft's code.
  tokenModel () {
    const store = this;
    return {
      store, // for DeviceCodeGrantType
      async getClient (clientId, clientSecret) {
        const client = store.clients.get(clientId);
        if (!client) {
          throw new AadError(700016, { client: clientId, tenant: store.config.tenantDomain });
        }
        if (!client.secret) {
          if (clientSecret) throw new AadError(700025);
        } else if (!clientSecret) {
          throw new AadError(7000218);
        } else if (clientSecret !== client.secret) {
          throw new AadError(7000215, { client: client.id });
        }
        return client;
      },
      async getUser (username, password) {
        const user = store.findUser(username);
        if (!user) throw new AadError(50034, { tenant: store.config.tenantDomain });
        if (user.password !== password) throw new AadError(50126);
        if (user.mfaRequired) throw new AadError(50076, { resource: '00000002-0000-0ff1-ce00-000000000000' });
        return user;
      },
      async getUserFromClient (client) {
        return { app: true, username: client.mailbox, client };
      },
      async validateScope (user, client, scope) {
        return store.validateScopeFor(user, client, scope);
      },
      // The JWT is built in saveToken, where the final lifetime is known.
      async generateAccessToken () { return 'pending'; },
      async generateRefreshToken () { return 'pending'; },
      async saveToken (token, client, user) {
        const wantsRefresh = !!token.refreshToken && token.scope.includes('offline_access');
        return store.issue({ user, client, scope: token.scope, withRefresh: wantsRefresh });
      },
      async getAccessToken (accessToken) {
        const rec = store.accessTokens.get(accessToken);
        return rec ? { accessToken, accessTokenExpiresAt: rec.expiresAt, scope: rec.scope, client: rec.client, user: rec.user } : null;
      },
      async getRefreshToken (refreshToken) {
        const rec = store.refreshTokens.get(refreshToken);
        if (!rec) throw new AadError(9002313);
        if (rec.used) throw new AadError(70008);
        if (rec.expiresAt.getTime() <= Date.now()) {
          const inactive = Math.round((Date.now() - rec.issuedAt.getTime()) / 1000);
          throw new AadError(700082, {
            issued: rec.issuedAt.toISOString(), inactive: `${inactive} seconds`
          });
        }
        return { refreshToken, refreshTokenExpiresAt: rec.expiresAt, scope: rec.scope, client: rec.client, user: rec.user };
      },
      async revokeToken (token) {
        const rec = store.refreshTokens.get(token.refreshToken);
        if (!rec || rec.used) return false;
        rec.used = true;
        return true;
      },
      async getAuthorizationCode (code) {
        const rec = store.codes.get(code);
        if (!rec) return null;
        if (rec.redeemed) throw new AadError(54005);
        return rec;
      },
      async revokeAuthorizationCode (code) {
        const rec = store.codes.get(code.authorizationCode);
        if (!rec || rec.redeemed) return false;
        rec.redeemed = true;
        return true;
      },
      async saveAuthorizationCode (code, client, user) {
        const rec = { ...code, client, user, redeemed: false };
        store.codes.set(code.authorizationCode, rec);
        recordSecret('authorization_code', code.authorizationCode);
        return rec;
      },
      async validateRedirectUri (uri, client) {
        return store.redirectUriAllowed(uri, client);
      }
    };
  }

  // Authorize endpoint: only the client id is known there.
  authorizeModel () {
    const store = this;
    const base = this.tokenModel();
    return {
      ...base,
      async getClient (clientId) {
        const client = store.clients.get(clientId);
        if (!client) throw new AadError(700016, { client: clientId, tenant: store.config.tenantDomain });
        return client;
      },
      async generateAuthorizationCode () {
        return `1.A${randomText(300)}`;
      }
    };
  }

  // Microsoft lets desktop apps use any port on a loopback redirect URI (RFC 8252 §7.3).
  redirectUriAllowed (uri, client) {
    let u;
    try {
      u = new URL(uri);
    } catch (e) {
      return false;
    }
    if (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) {
      return client.redirectUris.some((r) => {
        try {
          const ru = new URL(r);
          return ru.protocol === 'http:' && ru.hostname === u.hostname && ru.pathname === u.pathname;
        } catch (e) {
          return false;
        }
      });
    }
    return client.redirectUris.includes(uri);
  }

  // RFC 8628 §3.2 device authorization response.
  newDeviceCode (client, scope) {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    let userCode = '';
    for (let i = 0; i < 9; i++) userCode += alphabet[crypto.randomInt(alphabet.length)];
    const rec = {
      deviceCode: `DAQABIQEAAAD${randomText(150)}`,
      userCode,
      client,
      scope,
      state: 'pending', // pending | approved | declined | redeemed
      user: undefined,
      expiresAt: new Date(Date.now() + this.config.deviceCodeLifetime * 1000),
      polls: 0
    };
    this.deviceCodes.set(rec.deviceCode, rec);
    recordSecret('device_code', rec.deviceCode);
    this.userCodes.set(rec.userCode, rec);
    return rec;
  }
}

// RFC 8628 §3.4 device access token request, as an extension grant of the library.
class DeviceCodeGrantType extends AbstractGrantType {
  async handle (request, client) {
    const code = request.body.device_code;
    if (!code) throw new AadError(900144, { field: 'device_code' });
    const store = this.model.store;
    const rec = store.deviceCodes.get(code);
    if (!rec || rec.client.id !== client.id || rec.state === 'redeemed') {
      throw new AadError(70000, {}, 'bad_verification_code');
    }
    rec.polls++;
    if (rec.expiresAt.getTime() <= Date.now()) throw new AadError(70019);
    if (rec.state === 'pending') throw new AadError(70016);
    if (rec.state === 'declined') throw new AadError(70020);
    rec.state = 'redeemed';
    return store.issue({
      user: rec.user, client, scope: rec.scope, withRefresh: rec.scope.includes('offline_access')
    });
  }
}

// Microsoft always returns a new refresh token when one is redeemed, even if the client
// narrows the scope on refresh and leaves out offline_access.
class RotatingRefreshTokenGrantType extends RefreshTokenGrantType {
  getScope (request, token) {
    const scope = super.getScope(request, token) || [];
    if (token.scope && token.scope.includes('offline_access') && !scope.includes('offline_access')) {
      return [...scope, 'offline_access'];
    }
    return scope;
  }
}

module.exports = { recordSecret, Store, DeviceCodeGrantType, RotatingRefreshTokenGrantType, DEVICE_CODE_GRANT, OIDC_SCOPES };
