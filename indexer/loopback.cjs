// Loaded (node --require) before the processor and the GraphQL server. Both start HTTP servers
// (the API; the processor's Prometheus metrics) given only a port, which Node binds to every
// interface. Here a server given no host listens on ALLMENDE_LISTEN (default 127.0.0.1), so a
// devnet or a test exposes nothing beyond loopback.
'use strict'
const net = require('node:net')
const host = process.env.ALLMENDE_LISTEN || '127.0.0.1'
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const first = args[0]
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, host)
  } else if (first && typeof first === 'object' && first.port !== undefined && first.host === undefined && first.path === undefined) {
    args[0] = { ...first, host }
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, host)
  }
  return listen.apply(this, args)
}
