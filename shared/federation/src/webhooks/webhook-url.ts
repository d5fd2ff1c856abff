import { lookup as dnsLookup, LookupOptions } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { badInput, webhookSettings } from '@samverkan/platform';

export const MAX_URL_LENGTH = 2000;

/** Hosts of this machine or a private network, which a webhook may reach only where insecure URLs are allowed (development). */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(host) === 6) return host === '::1' || host === '::' || /^(fc|fd|fe8|fe9|fea|feb)/.test(host) || host.startsWith('::ffff:');
  return false;
}

/** Refuses an endpoint a webhook may not be sent to (BAD_USER_INPUT on `input.url`); returns it normalised. */
export function checkWebhookUrl(raw: string): string {
  const refuse = (message: string) => badInput(message, [{ field: 'input.url', message }]);
  if (raw.length > MAX_URL_LENGTH) throw refuse(`at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('not a URL');
  }
  if (url.username || url.password) throw refuse('a URL with credentials in it is refused: authenticate the request by its signature');
  const insecure = webhookSettings().allowInsecureUrls;
  if (url.protocol !== 'https:' && !(insecure && url.protocol === 'http:')) throw refuse('must be an https:// URL');
  if (!insecure && isLocalHost(url.hostname)) throw refuse('must be a public address, not a loopback or private one');
  return url.toString();
}

/**
 * A DNS lookup for the connection itself that refuses loopback and private addresses: a public
 * name that resolves (or is re-pointed after registration) to an internal address is not reached.
 */
export const publicAddressesOnly: LookupFunction = (hostname, options, callback) =>
  dnsLookup(hostname, options as LookupOptions, (error, address, family) => {
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    if (!error && addresses.some((a) => isLocalHost(a))) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATEADDRESS' }), address as string, family);
    }
    callback(error, address as string, family);
  });
