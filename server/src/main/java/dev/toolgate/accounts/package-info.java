/**
 * Tenants and their credentials: environments, admin API tokens ({@link dev.toolgate.accounts.ApiTokens}, issued
 * once, stored as HMAC, authenticated through a cache that revocation clears) and integrated accounts
 * ({@link dev.toolgate.accounts.IntegratedAccounts}, validated against their integration's auth scheme, credentials
 * encrypted at rest and bound to the account id, decrypted only into an upstream
 * {@link dev.toolgate.upstream.AccountAccess}). Every operation is scoped by environment.
 */
package dev.toolgate.accounts;
