/** "in 45 seconds", "in 2 minutes": how long to wait, rounded up to what a person would read. */
export function waitPhrase(seconds: number): string {
  if (seconds <= 1) return 'in a second'
  if (seconds < 60) return `in ${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`
}
