/**
 * Ambassador's version, as package.json gives it: written into every backup's
 * manifest. A constant rather than a read of package.json, because the core runs
 * bundled (and inside app.asar) where that file is not beside it; a test keeps
 * the two equal.
 */
export const appVersion = '0.1.0';
