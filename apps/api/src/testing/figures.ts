import { appendFileSync } from 'node:fs'

/**
 * The figures the fault tests measure (time to 503, time to recover, requests lost), printed as
 * `[reliability] …` lines and, when RELIABILITY_FIGURES_FILE names a file, appended to it as JSON
 * lines. RELIABILITY.md quotes them, with the command that measures each.
 */
export function recordFigure(fault: string, figure: string, value: number, unit: string): void {
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10
  console.log(`[reliability] ${fault} · ${figure}: ${rounded} ${unit}`)
  const file = process.env.RELIABILITY_FIGURES_FILE
  if (file) {
    const line = { fault, figure, value: rounded, unit, at: new Date().toISOString() }
    appendFileSync(file, `${JSON.stringify(line)}\n`)
  }
}
