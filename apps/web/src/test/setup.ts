// Testing Library's matchers (toBeInTheDocument, …) for component tests; harmless under node.
import '@testing-library/jest-dom/vitest'
