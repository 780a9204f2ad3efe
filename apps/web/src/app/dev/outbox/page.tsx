import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { Fragment } from 'react'
import { SiteHeader } from '@/components/site-header'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { getWebConfig } from '@/server/config'
import { outboxIsReadable, readOutbox, type OutboxMail } from '@/server/mail/outbox'

/**
 * Development only: the mail Taskwise would have sent, read from the outbox folder. Answers 404
 * whenever mail goes over SMTP, on a deployment, or when asked for by a name other than
 * localhost (docs/decisions/0205-mail-delivery.md).
 */

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Outbox (development)',
  robots: { index: false, follow: false },
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
})

export default async function OutboxPage() {
  const config = getWebConfig()
  if (!outboxIsReadable(config, (await headers()).get('host'))) notFound()
  const mails = await readOutbox(config.mail.outboxDir)

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Outbox</h1>
        <p className="mt-2 text-sm text-muted-foreground">
          No mail server is configured (SMTP_URL), so Taskwise writes every mail to{' '}
          <code className="break-all font-mono text-foreground">{config.mail.outboxDir}</code>{' '}
          instead. Newest first; reload to see new mail.
        </p>
        {mails.length === 0 ? (
          <p className="mt-8 rounded-xl border border-dashed p-6 text-center text-muted-foreground">
            No mail yet. Password resets and account notices will appear here.
          </p>
        ) : (
          <ol className="mt-8 flex flex-col gap-6" aria-label="Mail, newest first">
            {mails.map((mail) => (
              <li key={mail.id}>
                <article aria-labelledby={`mail-${mail.id}`}>
                  <MailCard mail={mail} />
                </article>
              </li>
            ))}
          </ol>
        )}
      </main>
    </div>
  )
}

function MailCard({ mail }: { mail: OutboxMail }) {
  return (
    <Card className="gap-4">
      <CardHeader>
        <h2 id={`mail-${mail.id}`} className="text-lg font-semibold leading-snug">
          {mail.subject}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-muted-foreground">
          <dt className="font-medium">To</dt>
          <dd className="break-all">{mail.to}</dd>
          <dt className="font-medium">From</dt>
          <dd className="break-all">{mail.from}</dd>
          <dt className="font-medium">Date</dt>
          <dd>
            <time dateTime={mail.date}>{dateFormat.format(new Date(mail.date))} UTC</time>
          </dd>
        </dl>
      </CardHeader>
      <CardContent>
        <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">
          <Linked text={mail.text} />
        </pre>
      </CardContent>
    </Card>
  )
}

/** The text with its http(s) addresses as links (React escapes everything else). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g)
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a
        key={index}
        href={part}
        className="break-all font-medium text-foreground underline underline-offset-4"
      >
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  )
}
