import { config } from 'zod';

// Extension pages forbid eval (CSP): zod's probe finds that out in the extension's own bundles; code
// evaluated over the devtools protocol passes the probe and then fails, so say it before any schema is built.
config({ jitless: true });
