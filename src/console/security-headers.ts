import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Headers for every answer (console and API): a strict Content-Security-Policy (scripts, styles,
 * fonts only from this origin, no inline code, no framing), no referrer to other sites, no MIME
 * sniffing. `connect-src` admits the identity provider, which the console talks to for the
 * Authorization Code exchange.
 */
export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  { identityProvider }: { identityProvider: string | null },
): Promise<void> {
  const connectSrc = ["'self'", ...(identityProvider ? [new URL(identityProvider).origin] : [])];
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // KERN's icons are CSS masks with data: SVGs.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc,
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // HTTPS is the proxy's business; a header that pins subdomains is the operator's to choose.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    crossOriginEmbedderPolicy: false,
  });
}
