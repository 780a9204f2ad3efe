// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { NativeCheckbox } from './native-checkbox'

afterEach(cleanup)

function Controlled({ onChoice }: { onChoice: (checked: boolean) => void }) {
  const [checked, setChecked] = useState(false)
  return (
    <NativeCheckbox
      checked={checked}
      aria-label={checked ? 'Mark “Buy milk” as not done' : 'Mark “Buy milk” as done'}
      onCheckedChange={(next) => {
        onChoice(next)
        setChecked(next)
      }}
    />
  )
}

test('is a checkbox named by its label that a click and the Space key tick and untick', async () => {
  const user = userEvent.setup()
  const onChoice = vi.fn()
  render(<Controlled onChoice={onChoice} />)

  const box = screen.getByRole('checkbox', { name: 'Mark “Buy milk” as done' })
  expect(box).not.toBeChecked()
  await user.click(box)
  expect(screen.getByRole('checkbox', { name: 'Mark “Buy milk” as not done' })).toBeChecked()

  await user.keyboard(' ')
  expect(screen.getByRole('checkbox', { name: 'Mark “Buy milk” as done' })).not.toBeChecked()
  expect(onChoice.mock.calls).toEqual([[true], [false]])
})

test('a disabled checkbox cannot be ticked', async () => {
  const user = userEvent.setup()
  const onChoice = vi.fn()
  render(
    <NativeCheckbox checked={false} disabled aria-label="Mark it" onCheckedChange={onChoice} />,
  )

  const box = screen.getByRole('checkbox', { name: 'Mark it' })
  expect(box).toBeDisabled()
  await user.click(box)
  expect(box).not.toBeChecked()
  expect(onChoice).not.toHaveBeenCalled()
})
