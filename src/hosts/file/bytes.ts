// What the file host accepts as a workbook's bytes, as one Uint8Array (no copy).

export function toUint8Array(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes; // includes Node's Buffer
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  // An ArrayBuffer from another realm (iframe, jest vm) fails instanceof.
  const tag = Object.prototype.toString.call(bytes);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    return new Uint8Array(bytes as ArrayBuffer);
  }
  if (ArrayBuffer.isView(bytes)) {
    const v = bytes as ArrayBufferView;
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  }
  throw new TypeError('loadWorkbook: expected a Uint8Array, ArrayBuffer or Buffer');
}
