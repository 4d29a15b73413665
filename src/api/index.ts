/** The HTTP API and static web UI server. */

export { statusFor } from './errors.js';
export { type ApiOptions, createApiServer, createHandler, listen } from './server.js';
