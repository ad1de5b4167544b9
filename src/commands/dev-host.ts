/**
 * Which `Host` headers `versus dev` answers. A page on any web site can have
 * its own domain resolve to 127.0.0.1 (DNS rebinding) and then read the
 * preview as same-origin; its requests still carry that domain in `Host`, so
 * only the names of this machine, and the host the server was started on, get
 * the deck.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether a request's `Host` names this server. The port is not compared: a
 * port forward or proxy (an editor's, a container's) may publish the preview
 * on another port, and a rebinding page cannot pick the name it sends.
 *
 * @example isAllowedHost('localhost:4321', '127.0.0.1') // true
 * @example isAllowedHost('evil.example:4321', '127.0.0.1') // false
 */
export function isAllowedHost(header: string | undefined, startedOn: string): boolean {
  if (!header) return false;
  const name = hostnameOf(header);
  return name !== undefined && allowedHosts(startedOn).includes(name);
}

/** The short plain text a refused request gets. */
export function refusedHostMessage(startedOn: string): string {
  const names = allowedHosts(startedOn);
  return `versus dev answers only to ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: open the address it printed.\n`;
}

function allowedHosts(startedOn: string): string[] {
  return [...new Set([...LOOPBACK_NAMES, hostOf(startedOn)])];
}

/** A listening address as it appears in `Host`: IPv6 in brackets, names in lowercase. */
function hostOf(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address.toLowerCase()}]` : address.toLowerCase();
}

/** `name[:port]` → the name (IPv6 keeps its brackets), or undefined for anything else. */
function hostnameOf(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match?.[1]?.toLowerCase();
}
