// node-forge ships no types, and @types/node-forge pulls in Node's types, which this
// browser-safe package must not see. Only what crypto.ts uses is declared, loosely.
declare module 'node-forge' {
  const forge: {
    pki: any
    asn1: any
    md: any
    cipher: any
    util: any
    random: any
    jsbn: any
  }
  export default forge
}
