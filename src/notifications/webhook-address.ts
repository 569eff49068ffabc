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

export class RefusedAddress extends Error {}

/** The address's range in ipaddr.js's names; IPv4-mapped IPv6 addresses count as their IPv4 address. */
function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

/** Why the address is refused, or null when a webhook may go there. */
export function addressProblem(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) {
    return `${address} is not an IP address`;
  }
  const range = rangeOf(address);
  if (range === 'unicast' || (range === 'loopback' && policy.allowLoopback)) {
    return null;
  }
  return `${address} is a ${range} address`;
}

/** Why the URL is refused before any lookup (scheme, credentials, literal addresses), or null. */
export function urlProblem(url: string, policy: AddressPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !policy.requireHttps)) {
    return policy.requireHttps ? 'must be an https URL' : 'must be an http or https URL';
  }
  if (parsed.username || parsed.password) {
    return 'must not carry a user name or password';
  }
  if (url.length > 2_000) {
    return 'is longer than 2,000 characters';
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    return addressProblem(host, policy);
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return policy.allowLoopback ? null : 'names this machine (localhost)';
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
    throw new RefusedAddress(`${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const refused = addressProblem(address, policy);
    if (refused) {
      throw new RefusedAddress(`${host} resolves to ${refused}`);
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
          const refused = addressProblem(address, policy);
          if (refused) {
            throw new RefusedAddress(`${hostname} resolves to ${refused}`);
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
