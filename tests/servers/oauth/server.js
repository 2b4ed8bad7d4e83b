'use strict';

// Disposable OAuth 2.0 authorization server shaped like Microsoft's identity platform, for
// Kurier's integration tests. Usage: node server.js CONFIG.json   (written by tests/servers/up)
//
// Microsoft-shaped endpoints ({tenant} = tenant id, tenant domain, common or organizations):
//   GET  /{tenant}/oauth2/v2.0/authorize        auto-approving, redirects to the loopback URI
//   POST /{tenant}/oauth2/v2.0/token            password, client_credentials, refresh_token,
//                                               authorization_code (+PKCE), device_code
//   POST /{tenant}/oauth2/v2.0/devicecode       RFC 8628 §3.1
//   GET  /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys
//   POST /introspect                            RFC 7662, for Dovecot (HTTP Basic auth)
// Test-only endpoints: see README.md (/test/mint, /test/stats, /test/reset, /test/device/approve,
// /test/users, /test/revoke, /test/fail, /test/config) and the misbehaving tenants
// (misbehave-html, -500, -hang, -close, -badjson, -empty, -slow).

const fs = require('fs');
const https = require('https');
const crypto = require('crypto');
const OAuth2Server = require('@node-oauth/oauth2-server');
const { Request, Response } = OAuth2Server;
const { AadError, aadFromLibraryError, aadErrorBody } = require('./aad-errors');
const { recordSecret, Store, DeviceCodeGrantType, RotatingRefreshTokenGrantType, DEVICE_CODE_GRANT } = require('./model');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
config.accessTokenLifetime = config.accessTokenLifetime || 3600;
config.refreshTokenLifetime = config.refreshTokenLifetime || 90 * 24 * 3600;
config.deviceCodeInterval = config.deviceCodeInterval || 1;
config.deviceCodeLifetime = config.deviceCodeLifetime || 900;

const store = new Store(config);
store.ready();
recordSecret('introspection_secret', config.introspection.secret);
for (const u of config.users) store.addUser(u);
for (const c of config.clients) store.addClient({ oid: crypto.randomUUID(), ...c });

const tokenModel = store.tokenModel();
const authorizeModel = store.authorizeModel();
const oauth = new OAuth2Server({ model: tokenModel });
const TENANTS = new Set([config.tenantId, config.tenantDomain, 'common', 'organizations', 'consumers']);
const MISBEHAVIOURS = new Set(['html', '500', 'hang', 'close', 'badjson', 'empty', 'slow']);

// Public clients use these grants without a secret (Microsoft's "public client flows").
const tokenOptions = {
  model: tokenModel,
  allowExtendedTokenAttributes: true,
  alwaysIssueNewRefreshToken: true,
  requireClientAuthentication: {
    password: false,
    refresh_token: false,
    authorization_code: false,
    [DEVICE_CODE_GRANT]: false,
    device_code: false
  },
  extendedGrantTypes: {
    refresh_token: RotatingRefreshTokenGrantType,
    [DEVICE_CODE_GRANT]: DeviceCodeGrantType,
    device_code: DeviceCodeGrantType // Microsoft's v1 name, still accepted
  }
};

// --- statistics --------------------------------------------------------------------------

let stats;
function resetStats () {
  stats = { token: {}, devicecode: 0, authorize: 0, introspect: { requests: 0, active: 0, inactive: 0 }, mint: 0, misbehave: 0, byUser: {} };
}
resetStats();

function grantKey (g) {
  return g === DEVICE_CODE_GRANT ? 'device_code' : (g || 'none');
}

function countToken (grant, ok, user) {
  const bump = (o) => {
    const e = o[grant] || (o[grant] = { requests: 0, ok: 0, failed: 0 });
    e.requests++;
    e[ok ? 'ok' : 'failed']++;
  };
  bump(stats.token);
  if (user) bump(stats.byUser[user.toLowerCase()] || (stats.byUser[user.toLowerCase()] = {}));
}

// --- HTTP helpers ------------------------------------------------------------------------

function send (res, status, body, headers = {}) {
  const isJson = typeof body !== 'string';
  const data = isJson ? JSON.stringify(body) : body;
  res.writeHead(status, {
    'Content-Type': isJson ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Cache-Control': 'no-store, no-cache',
    Pragma: 'no-cache',
    'Content-Length': Buffer.byteLength(data),
    ...headers
  });
  res.end(data);
}

function sendAad (res, err) {
  send(res, err.code || 400, aadErrorBody(err, config.baseUrl));
}

function htmlPage (title, text) {
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  return `<!DOCTYPE html><html><head><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>${esc(text)}</p></body></html>\n`;
}

function readBody (req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 1 << 20) {
        reject(new Error('body too large'));
        req.destroy();
      } else {
        chunks.push(c);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody (req, raw) {
  const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    try {
      return JSON.parse(raw || '{}');
    } catch (e) {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function basicAuth (req) {
  const m = /^Basic\s+(.+)$/i.exec(req.headers.authorization || '');
  if (!m) return null;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? null : { user: decodeURIComponent(text.slice(0, i)), pass: decodeURIComponent(text.slice(i + 1)) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Microsoft-shaped endpoints ----------------------------------------------------------

let injectedFailures = []; // from POST /test/fail

async function tokenEndpoint (req, res, body, query) {
  const grant = grantKey(body.grant_type);
  let user = body.username;
  if (!user && body.refresh_token && store.refreshTokens.has(body.refresh_token)) {
    user = store.refreshTokens.get(body.refresh_token).user.username;
  }
  if (req.method !== 'POST') {
    countToken(grant, false, user);
    return sendAad(res, new AadError(900561, { method: req.method }));
  }
  const inject = injectedFailures.find((f) => (!f.grant || f.grant === grant) && (!f.user || (user && f.user.toLowerCase() === user.toLowerCase())));
  if (inject) {
    if (--inject.count <= 0) injectedFailures = injectedFailures.filter((f) => f !== inject);
    countToken(grant, false, user);
    return sendAad(res, new AadError(inject.code));
  }
  // What Microsoft checks before the grant itself (the library would report these as
  // missing client credentials).
  const isForm = (req.headers['content-type'] || '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const early = !isForm || !body.grant_type
    ? new AadError(900144, { field: 'grant_type' })
    : !body.client_id && !basicAuth(req)
        ? new AadError(900144, { field: 'client_id' })
        : !Object.prototype.hasOwnProperty.call(tokenOptions.extendedGrantTypes, body.grant_type) &&
          !['password', 'client_credentials', 'authorization_code'].includes(body.grant_type)
          ? new AadError(70003, { grant: body.grant_type })
          : null;
  if (early) {
    countToken(grant, false, user);
    return sendAad(res, early);
  }
  const request = new Request({ headers: req.headers, method: req.method, query, body });
  const response = new Response({});
  try {
    const token = await oauth.token(request, response, tokenOptions);
    countToken(grant, true, token.user && token.user.username);
    send(res, response.status, response.body, response.headers);
  } catch (e) {
    countToken(grant, false, user);
    const err = aadFromLibraryError(e, { grantType: body.grant_type, clientId: body.client_id, redirectUri: body.redirect_uri });
    sendAad(res, err);
  }
}

async function deviceCodeEndpoint (req, res, body) {
  stats.devicecode++;
  if (req.method !== 'POST') return sendAad(res, new AadError(900561, { method: req.method }));
  const client = store.clients.get(body.client_id);
  if (!body.client_id) return sendAad(res, new AadError(900144, { field: 'client_id' }));
  if (!client) return sendAad(res, new AadError(700016, { client: body.client_id, tenant: config.tenantDomain }));
  let scope;
  try {
    scope = store.validateScopeFor(null, client, body.scope ? body.scope.trim().split(/\s+/) : []);
  } catch (e) {
    return sendAad(res, e);
  }
  const rec = store.newDeviceCode(client, scope);
  const uri = `${config.baseUrl}/devicelogin`;
  send(res, 200, {
    user_code: rec.userCode,
    device_code: rec.deviceCode,
    verification_uri: uri,
    expires_in: config.deviceCodeLifetime,
    interval: config.deviceCodeInterval,
    message: `To sign in, use a web browser to open the page ${uri} and enter the code ${rec.userCode} to authenticate.`
  });
}

async function authorizeEndpoint (req, res, query) {
  stats.authorize++;
  const client = store.clients.get(query.client_id);
  if (!client) {
    const e = new AadError(700016, { client: query.client_id || '', tenant: config.tenantDomain });
    return send(res, 400, htmlPage('Sign in', `AADSTS${e.aadsts}: ${e.message}`));
  }
  const redirect = query.redirect_uri || client.redirectUris[0];
  if (!store.redirectUriAllowed(redirect, client)) {
    const e = new AadError(50011, { redirect, client: client.id });
    return send(res, 400, htmlPage('Sign in', `AADSTS${e.aadsts}: ${e.message}`));
  }
  const redirectWithError = (err) => {
    const u = new URL(redirect);
    u.searchParams.set('error', err.name);
    u.searchParams.set('error_description', `AADSTS${err.aadsts}: ${err.message}`);
    if (query.state) u.searchParams.set('state', query.state);
    res.writeHead(302, { Location: u.toString(), 'Content-Length': 0 });
    res.end();
  };
  // "Auto-approve": the login_hint's account if known, else the default user.
  // A login_hint starting with "decline@" makes the user refuse consent.
  const hint = query.login_hint || '';
  if (/^decline@/i.test(hint)) return redirectWithError(new AadError(65004));
  const user = store.findUser(hint) || store.findUser(config.defaultUser);
  if (user && user.username) {
    const u = stats.byUser[user.username.toLowerCase()] || (stats.byUser[user.username.toLowerCase()] = {});
    u.authorize = (u.authorize || 0) + 1;
  }
  const request = new Request({ headers: req.headers, method: 'GET', query, body: {} });
  const response = new Response({});
  try {
    await oauth.authorize(request, response, {
      model: authorizeModel,
      authenticateHandler: { handle: () => user },
      allowEmptyState: true,
      authorizationCodeLifetime: 600
    });
    res.writeHead(302, { Location: response.headers.location, 'Content-Length': 0 });
    res.end();
  } catch (e) {
    redirectWithError(aadFromLibraryError(e, { clientId: client.id, redirectUri: redirect, responseType: query.response_type }));
  }
}

async function introspectEndpoint (req, res, body) {
  stats.introspect.requests++;
  const auth = basicAuth(req);
  if (!auth || auth.user !== config.introspection.clientId || auth.pass !== config.introspection.secret) {
    return send(res, 401, { error: 'invalid_client' }, { 'WWW-Authenticate': 'Basic realm="introspect"' });
  }
  const r = store.introspect(body.token || '');
  stats.introspect[r.active ? 'active' : 'inactive']++;
  if (r.user && r.user.username) {
    const u = stats.byUser[r.user.username.toLowerCase()] || (stats.byUser[r.user.username.toLowerCase()] = {});
    const e = u.introspect || (u.introspect = { active: 0, inactive: 0 });
    e[r.active ? 'active' : 'inactive']++;
  }
  send(res, 200, r.active ? r.body : { active: false });
}

function openidConfiguration (tenant) {
  const base = `${config.baseUrl}/${tenant}`;
  return {
    issuer: `${config.baseUrl}/${config.tenantId}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    introspection_endpoint: `${config.baseUrl}/introspect`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'password', 'client_credentials', DEVICE_CODE_GRANT],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access']
  };
}

function jwks () {
  const jwk = store.signingKey.publicKey.export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', use: 'sig', kid: store.kid, x5t: store.kid, n: jwk.n, e: jwk.e }] };
}

// --- test-only endpoints -----------------------------------------------------------------

const DEFAULT_MINT_SCOPE = 'https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send';

async function testEndpoint (req, res, path, body, query) {
  switch (path) {
    case '/test/stats': {
      if (query.user) return send(res, 200, stats.byUser[query.user.toLowerCase()] || {});
      return send(res, 200, stats);
    }
    case '/test/reset': {
      const who = body.user || query.user;
      if (who) delete stats.byUser[who.toLowerCase()];
      else resetStats();
      return send(res, 200, { ok: true });
    }
    case '/test/mint': {
      // Mints a token without any grant: {user, scope?, lifetime? (s, may be 0 or negative),
      // client_id?, refresh? (bool), pad? (extra bytes in the JWT)}. Unknown users are created.
      stats.mint++;
      const name = body.user || config.defaultUser;
      const user = store.findUser(name) || store.addUser({ username: name, password: crypto.randomUUID() });
      const client = store.clients.get(body.client_id || config.publicClientId);
      if (!client) return sendAad(res, new AadError(700016, { client: body.client_id, tenant: config.tenantDomain }));
      const scope = String(body.scope || DEFAULT_MINT_SCOPE).trim().split(/\s+/);
      const refresh = body.refresh === true || body.refresh === 'true' || body.refresh === '1' || scope.includes('offline_access');
      if (refresh && !scope.includes('offline_access')) scope.push('offline_access');
      const t = store.issue({ user, client, scope, withRefresh: refresh, lifetime: body.lifetime, pad: Number(body.pad || 0) });
      return send(res, 200, {
        token_type: 'Bearer',
        scope: t.scope.join(' '),
        expires_in: Math.round((t.accessTokenExpiresAt.getTime() - Date.now()) / 1000),
        access_token: t.accessToken,
        ...(t.refreshToken ? { refresh_token: t.refreshToken } : {})
      });
    }
    case '/test/device/approve': {
      // {user_code | device_code, user?, decline? (bool)}
      const rec = body.device_code ? store.deviceCodes.get(body.device_code) : store.userCodes.get(String(body.user_code || '').toUpperCase());
      if (!rec) return send(res, 404, { error: 'unknown device code' });
      const user = store.findUser(body.user || config.defaultUser);
      if (!user) return send(res, 404, { error: 'unknown user' });
      const decline = body.decline === true || body.decline === 'true' || body.decline === '1';
      rec.state = decline ? 'declined' : 'approved';
      rec.user = user;
      return send(res, 200, { ok: true, state: rec.state, user: user.username });
    }
    case '/test/users': {
      // {user, password, accessTokenLifetime?, refreshTokenLifetime?, mfaRequired?}
      if (!body.user || !body.password) return send(res, 400, { error: 'user and password required' });
      const u = store.addUser({
        username: body.user,
        password: body.password,
        accessTokenLifetime: body.accessTokenLifetime ? Number(body.accessTokenLifetime) : undefined,
        refreshTokenLifetime: body.refreshTokenLifetime ? Number(body.refreshTokenLifetime) : undefined,
        mfaRequired: body.mfaRequired === true || body.mfaRequired === 'true'
      });
      return send(res, 200, { ok: true, user: u.username });
    }
    case '/test/revoke': {
      // {user} revokes all of the user's tokens; {token} one access or refresh token
      if (body.user) return send(res, 200, { ok: true, revoked: store.revokeUser(body.user) });
      const rec = store.accessTokens.get(body.token) || store.refreshTokens.get(body.token);
      if (!rec) return send(res, 404, { error: 'unknown token' });
      rec.revoked = rec.used = true;
      return send(res, 200, { ok: true, revoked: 1 });
    }
    case '/test/fail': {
      // {code (AADSTS number), count? (default 1), grant?, user?}: the next matching token
      // requests fail with that Microsoft error.
      const code = Number(body.code);
      injectedFailures.push({ code, count: Number(body.count || 1), grant: body.grant, user: body.user });
      return send(res, 200, { ok: true });
    }
    case '/test/config': {
      // Global for the whole fixture: tests running in parallel see it too.
      for (const k of ['accessTokenLifetime', 'refreshTokenLifetime', 'deviceCodeInterval', 'deviceCodeLifetime']) {
        if (body[k] !== undefined) config[k] = Number(body[k]);
      }
      const { users, clients, introspection, ...visible } = config;
      return send(res, 200, visible);
    }
    default:
      if (path.startsWith('/test/misbehave/')) return misbehave(req, res, path.split('/')[3], body, query, path);
      return send(res, 404, { error: 'not found' });
  }
}

// Failure modes for error-handling tests. Reached through a tenant named misbehave-MODE
// (so a client configured with that tenant sees it on every endpoint) or /test/misbehave/MODE.
async function misbehave (req, res, mode, body, query, path) {
  stats.misbehave++;
  switch (mode) {
    case 'html': // a captive portal or proxy login page with 200 OK
      return send(res, 200, htmlPage('Sign in to the network', 'Please accept the terms of use to continue.'));
    case '500':
      return send(res, 503, htmlPage('Service Unavailable', 'The service is temporarily unavailable.'));
    case 'badjson': {
      const data = '{"token_type":"Bearer","access_token":"eyJ0eX';
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length });
      return res.end(data);
    }
    case 'empty':
      return send(res, 200, '', { 'Content-Type': 'application/json; charset=utf-8' });
    case 'close':
      return req.socket.destroy();
    case 'hang':
      return; // never answers; Node's requestTimeout ends it after 5 minutes
    case 'slow': // correct answers, 3 s late
      await sleep(3000);
      return route(req, res, path.startsWith('/test/misbehave/slow')
        ? `/${config.tenantId}${path.slice('/test/misbehave/slow'.length)}`
        : path.replace(/^\/[^/]+/, `/${config.tenantId}`), body, query);
    default:
      return send(res, 404, { error: 'unknown misbehaviour' });
  }
}

// --- routing -----------------------------------------------------------------------------

async function route (req, res, path, body, query) {
  if (path === '/health') return send(res, 200, { ok: true });
  if (path === '/introspect') return introspectEndpoint(req, res, body);
  if (path.startsWith('/test/')) return testEndpoint(req, res, path, body, query);
  if (path === '/devicelogin') return send(res, 200, htmlPage('Enter code', 'Use POST /test/device/approve in tests.'));
  if (path === '/error') return send(res, 200, htmlPage('Error', `AADSTS${query.code || ''}`));

  const m = /^\/([^/]+)(\/.*)$/.exec(path);
  if (!m) return send(res, 404, htmlPage('Not found', path));
  const [, tenant, rest] = m;
  const mb = /^misbehave-(\w+)$/.exec(tenant);
  if (mb && MISBEHAVIOURS.has(mb[1])) return misbehave(req, res, mb[1], body, query, path);
  const known = ['/oauth2/v2.0/token', '/oauth2/v2.0/devicecode', '/oauth2/v2.0/authorize',
    '/v2.0/.well-known/openid-configuration', '/discovery/v2.0/keys'];
  if (!known.includes(rest)) return send(res, 404, htmlPage('Not found', path));
  if (!TENANTS.has(tenant)) {
    const e = new AadError(90002, { tenant });
    return rest === '/oauth2/v2.0/authorize' ? send(res, 400, htmlPage('Sign in', `AADSTS90002: ${e.message}`)) : sendAad(res, e);
  }
  switch (rest) {
    case '/oauth2/v2.0/token': return tokenEndpoint(req, res, body, query);
    case '/oauth2/v2.0/devicecode': return deviceCodeEndpoint(req, res, body);
    case '/oauth2/v2.0/authorize': return authorizeEndpoint(req, res, query);
    case '/v2.0/.well-known/openid-configuration': return send(res, 200, openidConfiguration(tenant));
    case '/discovery/v2.0/keys': return send(res, 200, jwks());
  }
}

const server = https.createServer({
  key: fs.readFileSync(config.keyFile),
  cert: fs.readFileSync(config.certFile)
}, async (req, res) => {
  const started = Date.now();
  const url = new URL(req.url, config.baseUrl);
  res.on('finish', () => {
    console.log(`${new Date().toISOString()} ${req.method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`);
  });
  try {
    await store.ready();
    const raw = await readBody(req);
    const body = parseBody(req, raw);
    await route(req, res, url.pathname, body, Object.fromEntries(url.searchParams));
  } catch (e) {
    console.error(e);
    if (!res.headersSent) sendAad(res, new AadError(50000));
  }
});

server.listen(config.port, config.host, () => {
  if (config.pidFile) fs.writeFileSync(config.pidFile, `${process.pid}\n`);
  console.log(`listening on ${config.baseUrl}`);
});
server.on('error', (e) => {
  console.error(`cannot listen on ${config.host}:${config.port}: ${e.code} ${e.message}`);
  process.exit(1);
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
