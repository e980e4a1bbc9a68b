import type { FactoryProvider } from '@nestjs/common';
import { PermanentError, RetriableError } from '@wirestream/platform';
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { classifyAddress } from './address-classifier';

export interface FeedFetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Hosts (lower-case names or IP literals) the fetcher may reach even on non-public addresses. */
  allowedHosts: ReadonlySet<string>;
}

export interface FeedFetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  headers?: Record<string, string>;
}

export type FeedFetchResult =
  | { status: 'not-modified'; url: string }
  | {
      status: 'fetched';
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The fetch was refused or failed for a reason that the same request will meet again. */
export class FeedFetchRefused extends PermanentError {}

/**
 * GETs a feed with conditional headers, a time limit, a size cap and manually followed redirects. SSRF: every hop's
 * host is resolved, every address is classified, and the connection goes to the address that was checked (no second
 * lookup an attacker's DNS could answer differently) — unless the host is on the allow-list.
 */
export class FeedFetcher {
  constructor(
    private readonly limits: FeedFetchLimits,
    private readonly resolve: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true }),
  ) {}

  async fetch(request: FeedFetchRequest): Promise<FeedFetchResult> {
    const deadline = Date.now() + this.limits.timeoutMs;
    let url = parseHttpUrl(request.url);
    for (let hop = 0; ; hop++) {
      const address = await this.checkedAddress(url);
      const response = await this.get(url, address, request, deadline);
      if (REDIRECTS.has(response.statusCode ?? 0)) {
        response.resume();
        const location = response.headers.location;
        if (!location)
          throw new FeedFetchRefused(
            'redirect-without-location',
            `${url.href} answered ${response.statusCode} without a Location header`,
            502,
          );
        if (hop >= this.limits.maxRedirects)
          throw new FeedFetchRefused(
            'too-many-redirects',
            `more than ${this.limits.maxRedirects} redirects (last to ${location})`,
            502,
          );
        url = parseHttpUrl(new URL(location, url).href);
        continue;
      }
      if (response.statusCode === 304) {
        response.resume();
        return { status: 'not-modified', url: url.href };
      }
      if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) > 299) {
        response.resume();
        const status = response.statusCode ?? 0;
        const detail = `${url.href} answered HTTP ${status}`;
        // 5xx and 429 may pass; 4xx will not.
        if (status >= 500 || status === 429) throw new RetriableError('feed-http-error', detail, 502);
        throw new FeedFetchRefused('feed-http-error', detail, 502);
      }
      const body = await this.readCapped(response, url, deadline);
      return {
        status: 'fetched',
        url: url.href,
        body,
        contentType: header(response, 'content-type'),
        etag: header(response, 'etag'),
        lastModified: header(response, 'last-modified'),
      };
    }
  }

  /** Resolves the host and checks every address it has; returns the one to connect to. */
  private async checkedAddress(url: URL): Promise<LookupAddress> {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host);
    } catch (error) {
      throw new RetriableError('feed-dns-failed', `cannot resolve ${host}: ${(error as Error).message}`, 502, {
        cause: error,
      });
    }
    if (!addresses.length) throw new RetriableError('feed-dns-failed', `${host} has no address`, 502);
    if (!this.limits.allowedHosts.has(host)) {
      for (const a of addresses) {
        const kind = classifyAddress(a.address);
        if (kind !== 'public') {
          throw new FeedFetchRefused(
            'address-refused',
            `refusing to fetch ${url.href}: ${host} resolves to ${a.address}, a ${kind} address (add the host to FEED_FETCH_ALLOWED_HOSTS to allow it)`,
            400,
            { host, address: a.address, addressClass: kind },
          );
        }
      }
    }
    return addresses[0]!;
  }

  private get(url: URL, address: LookupAddress, request: FeedFetchRequest, deadline: number): Promise<IncomingMessage> {
    // Pin the connection to the checked address; the Host header and TLS SNI still carry the name.
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all)
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [address]);
      else callback(null, address.address, address.family);
    };
    const headers: Record<string, string> = {
      'user-agent': 'Wirestream feed poller (+https://wirestream.dev)',
      accept:
        'application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1',
      'accept-encoding': 'identity',
      ...request.headers,
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return reject(timeoutError(url, this.limits.timeoutMs));
      const req = client.request(
        url,
        { method: 'GET', headers, lookup: pinned, timeout: remaining, agent: false },
        resolve,
      );
      req.setTimeout(remaining, () => req.destroy(timeoutError(url, this.limits.timeoutMs)));
      req.on('error', (error) =>
        reject(
          error instanceof RetriableError
            ? error
            : new RetriableError('feed-fetch-failed', `GET ${url.href} failed: ${error.message}`, 502, {
                cause: error,
              }),
        ),
      );
      req.end();
    });
  }

  private readCapped(response: IncomingMessage, url: URL, deadline: number): Promise<Buffer> {
    const max = this.limits.maxBytes;
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      response.destroy();
      return Promise.reject(
        new FeedFetchRefused('response-too-large', `${url.href} declares ${declared} bytes; the limit is ${max}`, 413),
      );
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(
        () => response.destroy(timeoutError(url, this.limits.timeoutMs)),
        Math.max(0, deadline - Date.now()),
      );
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > max) {
          response.destroy(new FeedFetchRefused('response-too-large', `${url.href} sent more than ${max} bytes`, 413));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(
          error instanceof FeedFetchRefused || error instanceof RetriableError
            ? error
            : new RetriableError('feed-fetch-failed', `reading ${url.href} failed: ${error.message}`, 502, {
                cause: error,
              }),
        );
      });
    });
  }
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedFetchRefused('invalid-url', `${JSON.stringify(raw)} is not an absolute URL`, 400);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FeedFetchRefused('scheme-refused', `only http and https URLs are fetched, not ${url.protocol}`, 400);
  if (url.username || url.password)
    throw new FeedFetchRefused('credentials-in-url', 'put credentials in authHeaders, not in the URL', 400);
  return url;
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function timeoutError(url: URL, ms: number): RetriableError {
  return new RetriableError('feed-fetch-timeout', `GET ${url.href} did not complete within ${ms} ms`, 504);
}

/** The fetcher as a Nest provider, with the configured limits (a unit spec replaces it: it does network I/O). */
export const feedFetcherProvider: FactoryProvider<FeedFetcher> = {
  provide: FeedFetcher,
  inject: [INGESTOR_CONFIG],
  useFactory: (config: IngestorConfig) =>
    new FeedFetcher({
      timeoutMs: config.FEED_FETCH_TIMEOUT_MS,
      maxBytes: config.FEED_FETCH_MAX_BYTES,
      maxRedirects: config.FEED_FETCH_MAX_REDIRECTS,
      allowedHosts: new Set(config.FEED_FETCH_ALLOWED_HOSTS),
    }),
};
