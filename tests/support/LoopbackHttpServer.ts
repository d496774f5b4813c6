import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP server on loopback for tests that stand in for a service the bot calls (the Bot
 * Connector behind a serviceUrl): each request's body is read whole and handed, with the request
 * and the response, to `respond`. `url` is its base, with a trailing slash, once started.
 */
export class LoopbackHttpServer {
  url = '';
  private readonly server: http.Server;

  constructor(respond: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void) {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => respond(req, body, res));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
