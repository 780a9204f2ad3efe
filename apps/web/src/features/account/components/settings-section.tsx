import type { ReactNode, Ref } from 'react'
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card'
import { cn } from '@/lib/utils'

export interface SettingsSectionProps {
  id: string
  title: string
  description?: ReactNode
  /** Focus lands on the heading when what the person acted on disappears (an ended session). */
  headingRef?: Ref<HTMLHeadingElement>
  tone?: 'default' | 'danger'
  children: ReactNode
}

/** One section of the settings page: a card named by its heading. */
export function SettingsSection({
  id,
  title,
  description,
  headingRef,
  tone = 'default',
  children,
}: SettingsSectionProps) {
  const headingId = `${id}-heading`
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-6">
      <Card className={cn('gap-5', tone === 'danger' && 'border-destructive/50')}>
        <CardHeader>
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className={cn(
              'text-lg font-semibold leading-tight outline-none',
              tone === 'danger' && 'text-destructive',
            )}
          >
            {title}
          </h2>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </section>
  )
}
