import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may go (docs/notifications.md, "Limits"): `https` in production, and never to an
 * address of this machine or its networks: loopback, private, link-local (cloud metadata at
 * 169.254.169.254 among them), unique-local, carrier-grade NAT, multicast, unspecified or reserved.
 * Checked when an endpoint is registered and again at every delivery, on the very addresses the
 * connection uses (the `lookup` below), so a name that resolves elsewhere later (DNS rebinding)
 * gains nothing. Outside production, `allowLoopback` admits loopback for a receiver on this machine.
 */
export interface AddressPolicy {
  requireHttps: boolean;
  allowLoopback: boolean;
}

/** Why a webhook address is refused: the rule (for the German message) and the English words. */
export interface Refusal {
  rule: 'url' | 'scheme' | 'https' | 'credentials' | 'length' | 'address' | 'localhost' | 'unresolvable';
  text: string;
  /** The host as written ('address', 'localhost', 'unresolvable'). */
  host?: string;
  /** The refused IP address and its range in ipaddr.js's names ('address'). */
  address?: string;
  range?: string;
}

export class RefusedAddress extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.text);
  }
}

/** The address's range in ipaddr.js's names; IPv4-mapped IPv6 addresses count as their IPv4 address. */
function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

/** Why the address (that `host` resolves to) is refused, or null when a webhook may go there. */
export function addressProblem(address: string, policy: AddressPolicy, host = address): Refusal | null {
  const range = ipaddr.isValid(address) ? rangeOf(address) : 'invalid';
  if (range === 'unicast' || (range === 'loopback' && policy.allowLoopback)) {
    return null;
  }
  const what = `${address} is a ${range} address`;
  return {
    rule: 'address',
    host,
    address,
    range,
    text: host === address ? what : `${host} resolves to ${what}`,
  };
}

/** Why the URL is refused before any lookup (scheme, credentials, literal addresses), or null. */
export function urlProblem(url: string, policy: AddressPolicy): Refusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { rule: 'url', text: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !policy.requireHttps)) {
    return policy.requireHttps
      ? { rule: 'https', text: 'must be an https URL' }
      : { rule: 'scheme', text: 'must be an http or https URL' };
  }
  if (parsed.username || parsed.password) {
    return { rule: 'credentials', text: 'must not carry a user name or password' };
  }
  if (url.length > 2_000) {
    return { rule: 'length', text: 'is longer than 2,000 characters' };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    return addressProblem(host, policy);
  }
  if ((host === 'localhost' || host.endsWith('.localhost')) && !policy.allowLoopback) {
    return { rule: 'localhost', host, text: 'names this machine (localhost)' };
  }
  return null;
}

/** Resolves the URL's host and checks every address it has; throws RefusedAddress naming the first refused. */
export async function checkWebhookUrl(url: string, policy: AddressPolicy): Promise<string[]> {
  const problem = urlProblem(url, policy);
  if (problem) {
    throw new RefusedAddress(problem);
  }
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    return [host];
  }
  let addresses: { address: string }[];
  try {
    addresses = await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    throw new RefusedAddress({ rule: 'unresolvable', host, text: `${host} does not resolve` });
  }
  for (const { address } of addresses) {
    const refused = addressProblem(address, policy, host);
    if (refused) {
      throw new RefusedAddress(refused);
    }
  }
  return addresses.map((a) => a.address);
}

/**
 * A `lookup` for http(s).request that resolves the host, refuses it unless every address passes,
 * and hands the connection exactly the addresses it checked.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family })
      .then((addresses) => {
        for (const { address } of addresses) {
          const refused = addressProblem(address, policy, hostname);
          if (refused) {
            throw new RefusedAddress(refused);
          }
        }
        if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}
