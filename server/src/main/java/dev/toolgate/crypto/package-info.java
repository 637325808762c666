/**
 * Secrets at rest and in flight: random bearer tokens ({@link dev.toolgate.crypto.SecretTokens}), their keyed hashes
 * ({@link dev.toolgate.crypto.TokenHasher}, HMAC-SHA256, the only form in which tokens are stored), authenticated
 * encryption of integrated-account credentials bound to the account id ({@link dev.toolgate.crypto.CredentialCipher},
 * Tink AEAD), and the server keys behind both ({@link dev.toolgate.crypto.ServerKeys}), taken from configuration or
 * generated once into owner-only files under the data directory. Nothing here logs or returns key material.
 */
package dev.toolgate.crypto;
