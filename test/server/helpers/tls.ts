import { fileURLToPath } from 'node:url'

/** The test-only self-signed certificate for 127.0.0.1 (see test/server/fixtures/tls/README.md). */
export const TLS_CERT = fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url))
export const TLS_KEY = fileURLToPath(new URL('../fixtures/tls/key.pem', import.meta.url))
