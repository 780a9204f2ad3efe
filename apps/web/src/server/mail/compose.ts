/**
 * Renders a mail's blocks twice: as plain text and as simple, inline-styled HTML in which every
 * piece of text is escaped.
 */

export type MailKind =
  | 'password-reset-link'
  | 'password-changed'
  | 'password-was-reset'
  | 'confirm-new-email'
  | 'email-change-requested'
  | 'email-changed'
  | 'email-change-target-taken'
  | 'account-deleted'
  | 'two-factor-enabled'
  | 'two-factor-disabled'
  | 'backup-code-used'
  | 'passkey-added'
  | 'passkey-removed'

export interface MailContent {
  kind: MailKind
  subject: string
  text: string
  html: string
}

export type Block =
  | { paragraph: string }
  | { link: { label: string; url: string } }
  | { facts: [label: string, value: string][] }

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

export function compose(
  kind: MailKind,
  subject: string,
  appUrl: string | undefined,
  blocks: Block[],
): MailContent {
  const footer = `This is an automatic mail from Taskwise${appUrl ? ` (${appUrl})` : ''}; replies are not read.`
  const text = blocks.map((block) => {
    if ('paragraph' in block) return block.paragraph
    if ('link' in block) return `${block.link.label}:\n${block.link.url}`
    return block.facts.map(([label, value]) => `${label}: ${value}`).join('\n')
  })
  const html = blocks.map((block) => {
    if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph)}</p>`
    if ('link' in block) {
      const { label, url } = block.link
      return `<p><a href="${escapeHtml(url)}" style="${BUTTON}">${escapeHtml(label)}</a></p>\n<p style="${SMALL}">Or paste this address into your browser: ${escapeHtml(url)}</p>`
    }
    const rows = block.facts.map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    return `<table role="presentation">${rows.join('')}</table>`
  })
  return {
    kind,
    subject,
    text: `${[...text, '— Taskwise', footer].join('\n\n')}\n`,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.5;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">
${html.join('\n')}
<p style="${SMALL}">${escapeHtml(footer)}</p>
</body></html>
`,
  }
}

const BUTTON =
  'display:inline-block;background:#1f2937;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600'
const SMALL = 'font-size:13px;color:#6b7280'
