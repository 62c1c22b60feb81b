import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/server';
import { fastKdf, tempDir } from './support/backend';

/** The development web harness (issue 11): it serves the page that carries the token only to its own host. */
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function started(): Promise<Harness> {
  const rendererDir = tempDir('sebaya-renderer-');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Sebaya</title></head><body></body></html>');
  harness = await startHarness({ dataDir: tempDir(), rendererDir, kdfCost: fastKdf });
  return harness;
}

/** One request with the Host header as given (a browser sends what the address bar says). */
function request(url: string, options: { host?: string; method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { hostname, port, pathname } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { hostname, port, path: pathname, method: options.method ?? 'GET', headers: { ...(options.host ? { host: options.host } : {}), ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the web harness', () => {
  it('serves the page with its token to 127.0.0.1 and localhost, and to no other host name', async () => {
    const { url, token } = await started();
    const port = new URL(url).port;
    expect((await request(`${url}/`)).body).toContain(token);
    expect((await request(`${url}/`, { host: `localhost:${port}` })).body).toContain(token);
    const rebound = await request(`${url}/`, { host: `attacker.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(token);
  });

  it('answers a null body with a validation error, not an empty server error', async () => {
    const { url, token } = await started();
    const answer = await request(`${url}/__sebaya/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sebaya-token': token },
      body: 'null',
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps each call the backend refused for a wrong caller or invalid input, so the e2e suite can fail a screen that made one', async () => {
    const { url, token } = await started();
    const ask = (method: string, input: unknown) =>
      request(`${url}/__sebaya/call`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sebaya-token': token }, body: JSON.stringify({ method, input }) });
    await ask('app.status', {});
    await ask('app.status', { surplus: true });
    expect(harness?.refusals).toEqual([expect.objectContaining({ method: 'app.status', code: 'VALIDATION' })]);
  });
});

