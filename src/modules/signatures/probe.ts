const k: CryptoKey | null = null;
const c = globalThis.crypto.subtle;
export { k, c };
