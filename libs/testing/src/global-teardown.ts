/** Stops what global-setup started with testcontainers; the stack tool's services are left to `npm run stack:down`. */
export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as Record<string, unknown>)['__WIRESTREAM_CONTAINERS__'] as
    { stop(): Promise<unknown> }[] | undefined;
  if (containers) await Promise.all(containers.map((c) => c.stop()));
}
