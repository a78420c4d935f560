import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * Node's and the process's metrics (CPU, memory, file descriptors, event loop lag, GC), prefixed
 * `otpgate_`. Created once per process, on first use, and shared by every app the process builds: they
 * describe the process, not an app, and each collection starts an event-loop monitor and a GC observer
 * that prom-client gives no way to stop, so one per app would pile up in tests that build hundreds.
 * This is the one piece of metrics state that is not per app; it never holds the app's own counters.
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'otpgate_' });
  }
  return processRegistry;
}
