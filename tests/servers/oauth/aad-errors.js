'use strict';

// Microsoft identity platform (Entra ID, "AAD") error responses.
//
// The token endpoint answers errors as RFC 6749 §5.2 JSON with Microsoft's extra members:
//   { error, error_description: "AADSTSnnnn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …",
//     error_codes: [nnnn], timestamp, trace_id, correlation_id, error_uri }
// The codes below are the real AADSTS codes Microsoft uses for these situations, so that the
// client's error diagnostics can be tested against the same numbers users see in the wild.

const crypto = require('crypto');
const { OAuthError } = require('@node-oauth/oauth2-server');

// code → [oauth error, HTTP status, description template]
const AADSTS = {
  50011: ['invalid_request', 400, "The redirect URI '{redirect}' specified in the request does not match the redirect URIs configured for the application '{client}'."],
  50034: ['invalid_grant', 400, 'The user account {EmailHidden} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.'],
  50076: ['invalid_grant', 400, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'."],
  50126: ['invalid_grant', 400, 'Error validating credentials due to invalid username or password.'],
  54005: ['invalid_grant', 400, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'],
  65004: ['access_denied', 400, 'User declined to consent to access the app.'],
  70000: ['invalid_grant', 400, 'The provided value for the \'code\' parameter is not valid.'],
  70003: ['unsupported_grant_type', 400, "The app requested an unsupported grant type '{grant}'."],
  70008: ['invalid_grant', 400, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'],
  70011: ['invalid_scope', 400, "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid."],
  70016: ['authorization_pending', 400, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.'],
  70019: ['expired_token', 400, 'Verification code expired.'],
  70020: ['authorization_declined', 400, 'The end user denied the authorization request.'],
  90002: ['invalid_request', 400, "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."],
  90014: ['invalid_request', 400, "The required field '{field}' is missing from the credential. Ensure that you have all the necessary parameters for the login request."],
  700016: ['unauthorized_client', 400, "Application with identifier '{client}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."],
  700025: ['invalid_client', 401, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."],
  700054: ['unsupported_response_type', 400, "response_type '{type}' is not enabled for the application."],
  700082: ['invalid_grant', 400, 'The refresh token has expired due to inactivity. The token was issued on {issued} and was inactive for {inactive}.'],
  7000215: ['invalid_client', 401, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'{client}\'.'],
  7000218: ['invalid_client', 401, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."],
  28000: ['invalid_scope', 400, 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid.'],
  501481: ['invalid_grant', 400, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'],
  900561: ['invalid_request', 400, 'The endpoint only accepts POST, OPTIONS requests. Received a {method} request.'],
  9002313: ['invalid_request', 400, 'Invalid request. Request is malformed or invalid.'],
  900144: ['invalid_request', 400, "The request body must contain the following parameter: '{field}'."],
  1002012: ['invalid_scope', 400, 'The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).'],
  50000: ['server_error', 500, 'There was an error issuing a token or an issue with our sign-in service.']
};

// An OAuthError carrying an AADSTS code; the library passes model errors through unchanged
// as long as they are OAuthErrors.
class AadError extends OAuthError {
  // `error` overrides the OAuth error name where Microsoft reuses a code (e.g. bad_verification_code).
  constructor (code, vars = {}, error = undefined) {
    const entry = AADSTS[code] || AADSTS[50000];
    const text = entry[2].replace(/\{(\w+)\}/g, (m, k) => (vars[k] !== undefined ? String(vars[k]) : m));
    super(text, { code: entry[1] });
    this.name = error || entry[0];
    this.aadsts = code;
    if (code === 50076) this.suberror = 'basic_action';
  }
}

function aadFromLibraryError (e, ctx) {
  // Our own errors may arrive wrapped (ServerError(inner) or InvalidClientError(inner)).
  for (let x = e; x; x = x.inner) {
    if (x instanceof AadError) {
      // keep the HTTP status chosen by the library (401 when the client authenticated with Basic)
      return x;
    }
  }
  const msg = e.message || '';
  const missing = /Missing parameter: `(\w+)`/.exec(msg);
  switch (e.name) {
    case 'invalid_request':
      if (missing) {
        if (missing[1] === 'client_secret') return new AadError(7000218);
        if (missing[1] === 'code_verifier') return new AadError(501481);
        return new AadError(900144, { field: missing[1] });
      }
      if (/redirect_uri/.test(msg)) return new AadError(50011, { redirect: ctx.redirectUri || '', client: ctx.clientId || '' });
      if (/code_verifier/.test(msg)) return new AadError(501481);
      return withText(new AadError(9002313), msg);
    case 'invalid_client':
      // "cannot retrieve client credentials": a grant that needs a secret was used without one
      return new AadError(7000218);
    case 'unauthorized_client':
      // e.g. a public client (no secret) asking for client_credentials
      return new AadError(7000218);
    case 'unsupported_response_type':
      return new AadError(700054, { type: ctx.responseType || '' });
    case 'unsupported_grant_type':
      return new AadError(70003, { grant: ctx.grantType || '' });
    case 'invalid_scope':
      return new AadError(70011);
    case 'invalid_grant':
      if (/code verifier/.test(msg) || /code_verifier/.test(msg)) return new AadError(501481);
      if (/authorization code has expired/.test(msg)) return new AadError(70008);
      if (/authorization code/.test(msg)) return new AadError(70000);
      if (/refresh token has expired/.test(msg)) return new AadError(700082, { issued: '?', inactive: '?' });
      if (/refresh token/.test(msg)) return new AadError(70008);
      if (/user credentials/.test(msg)) return new AadError(50126);
      return new AadError(70000);
    default:
      return withText(new AadError(50000), msg);
  }
}

function withText (err, text) {
  err.message = `${err.message} (${text})`;
  return err;
}

function aadTimestamp (d = new Date()) {
  // Microsoft's format: "2024-05-01 12:34:56Z"
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

// The JSON body Microsoft sends for a token-endpoint error.
function aadErrorBody (err, baseUrl) {
  const traceId = crypto.randomUUID();
  const correlationId = crypto.randomUUID();
  const timestamp = aadTimestamp();
  return {
    error: err.name,
    error_description: `AADSTS${err.aadsts}: ${err.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [err.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${baseUrl}/error?code=${err.aadsts}`,
    ...(err.suberror ? { suberror: err.suberror } : {})
  };
}

module.exports = { AadError, aadFromLibraryError, aadErrorBody, aadTimestamp, AADSTS };
