import { UserRound } from 'lucide-react'
import type * as React from 'react'
import { Button } from '@/components/ui/button'

/**
 * The header's account button. Its name always starts with "Account: " and names the person;
 * narrow screens hide the name from sight only, to keep the header on one line.
 */
export function AccountButton({
  label,
  ...props
}: React.ComponentProps<typeof Button> & { label: string }) {
  return (
    <Button variant="outline" size="sm" className="max-w-48" aria-haspopup="menu" {...props}>
      <UserRound aria-hidden />
      <span className="sr-only">Account: </span>
      <span className="sr-only truncate sm:not-sr-only">{label}</span>
    </Button>
  )
}
