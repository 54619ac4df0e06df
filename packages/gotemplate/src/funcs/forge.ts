// node-forge ships no types, and @types/node-forge pulls in Node's types, which this
// browser-safe package must not see. The module is used through the loose type below; the
// import is untyped on purpose (it still type-checks where @types/node-forge happens to exist).
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import forgeModule from 'node-forge'

/** The parts of node-forge that crypto.ts and x509.ts use. */
export const forge = forgeModule as {
  pki: any
  asn1: any
  md: any
  cipher: any
  util: any
  random: any
  jsbn: any
}
