// oidc-provider (9.x) ships no type declarations; the OIDC journey uses only this much of it.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host?: string, callback?: () => void): Server;
  }
}
