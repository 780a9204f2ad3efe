/** Exactly one address: no list, no display name, nothing a header could be split on. */
export function isSingleAddress(value: string): boolean {
  return /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/.test(value)
}

/**
 * `j…@example.com`: enough for a person to recognise their address, or for a log reader to see
 * which provider refuses mail, without writing the address down.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 1) return '…'
  return `${address.slice(0, 1)}…@${address.slice(at + 1).replace(/[^a-zA-Z0-9.-]/g, '')}`
}
