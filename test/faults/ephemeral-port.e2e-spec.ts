import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, TEST_SECRET } from '../support/test-app';

/** `PORT=0` lets the system choose a free port; the service prints the one it got. */
describe('the service on an ephemeral port', () => {
  it('prints the port it listens on, not 0', async () => {
    const database = await createTestDatabase();
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        AUTH_JWT_SECRET: TEST_SECRET,
        SEED_DEMO_DATA: 'false',
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 25_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const printed = /GraphQL +http:\/\/localhost:(\d+)\/graphql/.exec(output);
          if (printed) {
            clearTimeout(timer);
            resolve(Number(printed[1]));
          }
        });
      });
      expect(port).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await database.drop();
    }
  });
});
