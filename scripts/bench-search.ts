/**
 * npm run bench:search — how fast the Teams compose-box search answers under load.
 * Starts the real server on a free loopback port, sends composeExtension/query invokes with
 * autocannon (10 connections, 10 seconds, a mix of queries), and prints latency percentiles.
 * Teams allows 5 seconds for a messaging-extension query.
 */
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/Config';
import { createServer } from '../src/server/createServer';

const QUERIES = ['', 'k code', 'element 2', 'ehcna timescales', 'diagnosis', 'apdr cycle', 'senco', 'tribunal', 'ebsa', 'salt referal'];

async function main(): Promise<void> {
  // Rate limits off: the load comes from one address, far faster than any person.
  const app = await createServer(loadConfig({ ...process.env, STATE_STORE: 'memory', LOG_LEVEL: 'silent', MicrosoftAppId: '', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_TOKENS_PER_ADDRESS: '0' }));
  const base = await app.listen(0);
  let i = 0;
  const result = await autocannon({
    url: `${base}/api/messages`,
    connections: 10,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            type: 'invoke',
            name: 'composeExtension/query',
            channelId: 'msteams',
            serviceUrl: 'https://smba.trafficmanager.net/uk/',
            from: { id: '29:officer' },
            recipient: { id: '28:bot' },
            conversation: { id: `bench-${i % 50}` },
            value: { commandId: 'searchAnswers', parameters: [{ name: 'query', value: QUERIES[i++ % QUERIES.length] }] },
          }),
        }),
      },
    ],
  });
  await app.close();
  const l = result.latency;
  console.log(`compose-extension search: ${result.requests.total} requests in ${result.duration}s, ${result.non2xx} non-2xx, ${result.errors} errors`);
  console.log(`latency ms: p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, max ${l.max}; throughput ${result.requests.average} req/s`);
  if (result.non2xx > 0 || result.errors > 0 || l.p99 >= 5000) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
