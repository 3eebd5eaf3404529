// A real OpenID provider on loopback for the strong-identification tests: oidc-provider
// (from npm) with its development login form, where the account id typed in IS the
// person's identity code. Two clients: one authenticates with client_secret_basic, the
// other with private_key_jwt (its RSA key is generated here and written to --key-out).
// PKCE is required of both. Prints "ISSUER <url>" on its first line, then serves until
// killed.
//
//   node oidc_provider.mjs --modules DIR [--port N] --key-out FILE
//
// DIR is the node_modules folder holding oidc-provider (see .ci/run).
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    modules: { type: 'string' },
    port: { type: 'string', default: '0' },
    'key-out': { type: 'string' },
  },
});
if (!args.modules || !args['key-out']) {
  console.error('usage: oidc_provider.mjs --modules DIR [--port N] --key-out FILE');
  process.exit(2);
}
const { default: Provider } = await import(
  pathToFileURL(join(args.modules, 'oidc-provider', 'lib', 'index.js')).href
);

// The private_key_jwt client's key: private half to the test, public half registered here.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(args['key-out'], privateKey.export({ type: 'pkcs8', format: 'pem' }), {
  mode: 0o600,
});
const clientJwk = { ...publicKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' };

// The port is known only once listening; the provider (which needs its issuer URL) is
// built then, and the server hands requests to it.
let handler = (_req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(Number(args.port), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const CALLBACK = 'http://127.0.0.1/auth/oidc/callback';
const shared = {
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code'],
  response_types: ['code'],
};
const provider = new Provider(issuer, {
  clients: [
    {
      ...shared,
      client_id: 'valinta-basic',
      client_secret: 'valinta-basic-secret-for-tests',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      ...shared,
      client_id: 'valinta-jwt',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      jwks: { keys: [clientJwk] },
    },
  ],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  // Scope claims go into the ID token too (not only userinfo).
  conformIdTokenClaims: false,
  claims: { openid: ['sub', 'personal_identity_code', 'nin', 'hetu_userinfo'] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims(use) {
        const claims = { sub: id, personal_identity_code: id, nin: id };
        // Only at userinfo: tests the relying party's fallback there.
        if (use === 'userinfo') claims.hetu_userinfo = id;
        return claims;
      },
    };
  },
});
// Any loopback port of Valinta's callback: the test servers listen on port 0.
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && url.hostname === '127.0.0.1'
      && url.pathname === '/auth/oidc/callback' && url.search === '';
  } catch {
    return false;
  }
};
handler = provider.callback();
process.stdout.write(`ISSUER ${issuer}\n`);
