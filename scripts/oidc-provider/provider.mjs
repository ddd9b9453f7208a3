// A real OpenID provider for ctopulse's single sign-on tests: the certified `oidc-provider`
// package with its development sign-in form (any password; the login name picks the account)
// and the test accounts below. With `--hostile MODE` it is instead a provider that signs
// everyone in at once and issues a defective ID token of one kind, for the refusal tests.
//
//   node provider.mjs --port 4000 --client-id ctopulse --client-secret S \
//        --redirect-uri http://127.0.0.1:8080/login/oidc/callback \
//        --post-logout-uri http://127.0.0.1:8080/login [--hostile MODE]
//
// `--timing 1` prints "token-ms N" for each token request (the benchmark's provider time).
// MODE: forged (signed by a key the provider does not publish), expired, wrong-audience,
// wrong-issuer, wrong-nonce, no-id-token. Prints "ready <issuer>" on stdout when it listens.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const port = Number(args.port ?? 4000);
const issuer = `http://127.0.0.1:${port}`;
const client = {
  client_id: args['client-id'] ?? 'ctopulse',
  client_secret: args['client-secret'] ?? 'test-secret',
  redirect_uris: [args['redirect-uri'] ?? 'http://127.0.0.1:8080/login/oidc/callback'],
  post_logout_redirect_uris: [args['post-logout-uri'] ?? 'http://127.0.0.1:8080/login'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
};

// Test accounts: the login name typed on the provider's form is the account id.
const ACCOUNTS = {
  admin: { email: 'admin@idp.example', email_verified: true, name: 'Ada Admin', groups: ['ctopulse-admins'] },
  cto: { email: 'cto@idp.example', email_verified: true, name: 'Chris CTO', groups: ['cto-office', 'engineering'] },
  board: { email: 'board@idp.example', email_verified: true, name: 'Bo Board', groups: ['board'] },
  nobody: { email: 'nobody@idp.example', email_verified: true, name: 'No Body', groups: ['everyone'] },
  unverified: { email: 'unverified@idp.example', email_verified: false, name: 'Un Verified', groups: ['board'] },
};

function account(id) {
  return ACCOUNTS[id] ? { sub: `sub-${id}`, ...ACCOUNTS[id] } : undefined;
}

async function real() {
  const provider = new Provider(issuer, {
    clients: [client],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    // The ID token carries the scopes' claims itself, as Okta, Entra ID and Keycloak can be
    // set to do, so ctopulse reads groups without a userinfo call.
    conformIdTokenClaims: false,
    features: { rpInitiatedLogout: { enabled: true } },
    async findAccount(ctx, id) {
      const a = account(id);
      if (!a) return undefined;
      return { accountId: id, async claims() { return a; } };
    },
    // ctopulse is a first-party client: no consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile groups');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
      await grant.save();
      return grant;
    },
  });
  provider.proxy = false;
  if (args.timing !== undefined) {
    // For the benchmark: the provider's own time on each token request, in ms.
    provider.use(async (ctx, next) => {
      const t0 = process.hrtime.bigint();
      await next();
      if (ctx.method === 'POST' && ctx.path === '/token') {
        console.log(`token-ms ${Number(process.hrtime.bigint() - t0) / 1e6}`);
      }
    });
  }
  provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
}

// --- the hostile provider -------------------------------------------------------------------

async function hostile(mode) {
  const published = await jose.generateKeyPair('RS256', { extractable: true });
  const other = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(published.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  const codes = new Map(); // code -> nonce
  const now = () => Math.floor(Date.now() / 1000);

  async function idToken(nonce) {
    const claims = {
      iss: mode === 'wrong-issuer' ? 'http://127.0.0.1:1/elsewhere' : issuer,
      aud: mode === 'wrong-audience' ? 'someone-else' : client.client_id,
      sub: 'sub-admin',
      email: 'admin@idp.example',
      email_verified: true,
      groups: ['ctopulse-admins'],
      nonce: mode === 'wrong-nonce' ? 'a-nonce-from-another-sign-in' : nonce,
      iat: mode === 'expired' ? now() - 7200 : now(),
      exp: mode === 'expired' ? now() - 3600 : now() + 600,
    };
    const key = mode === 'forged' ? other.privateKey : published.privateKey;
    return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/auth') {
      const code = randomUUID();
      codes.set(code, url.searchParams.get('nonce'));
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state'));
      res.writeHead(303, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const code = new URLSearchParams(body).get('code');
      if (!codes.has(code)) return json(400, { error: 'invalid_grant' });
      const nonce = codes.get(code);
      codes.delete(code);
      const tokens = { access_token: randomUUID(), token_type: 'Bearer', expires_in: 600 };
      if (mode !== 'no-id-token') tokens.id_token = await idToken(nonce);
      return json(200, tokens);
    }
    res.writeHead(404);
    res.end();
  });
  server.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
}

if (args.hostile) await hostile(args.hostile);
else await real();
