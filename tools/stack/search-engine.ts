// What the two search components (search.ts: OpenSearch, elasticsearch.ts) share: the SEARCH_URL they serve and
// the cluster health probe.
import { isLocalHost } from './util.ts';

export const searchUrl = new URL(process.env.SEARCH_URL ?? 'http://127.0.0.1:9200');
export const host = searchUrl.hostname.replace(/^\[|\]$/g, '');
export const port = Number(searchUrl.port || (searchUrl.protocol === 'https:' ? 443 : 80));
/** Only a local http URL is one this tool can start an engine at. */
export const managed = isLocalHost(host) && searchUrl.protocol === 'http:';

/** A failed fetch as a short reason: the socket error code (ECONNREFUSED…) when there is one. */
export function fetchFailure(e: unknown): string {
  const err = e as Error & { cause?: { code?: string } };
  return err.cause?.code ?? err.message;
}

/** GET /_cluster/health: reason null when green or yellow, with "status (cluster name)". */
export async function clusterHealth(): Promise<{ reason: string | null; status?: string }> {
  try {
    const res = await fetch(new URL('/_cluster/health', searchUrl), { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return { reason: `GET /_cluster/health -> HTTP ${res.status}` };
    const body = (await res.json()) as { status?: string; cluster_name?: string };
    if (body.status === 'green' || body.status === 'yellow')
      return { reason: null, status: `${body.status} (${body.cluster_name})` };
    return { reason: `cluster status ${body.status}` };
  } catch (e) {
    return { reason: fetchFailure(e) };
  }
}
