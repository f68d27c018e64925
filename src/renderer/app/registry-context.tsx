import { createContext, useContext } from 'react'
import type { Feature } from './feature'

/**
 * The feature registry as App.tsx hands it down: the navbar and the home page read it from here
 * (not by importing app/features.ts, which imports their own folders — no import circle).
 */
const FeaturesContext = createContext<readonly Feature[] | null>(null)

export const FeaturesProvider = FeaturesContext.Provider

export function useFeatures(): readonly Feature[] {
  const features = useContext(FeaturesContext)
  if (!features) throw new Error('useFeatures 只能在 FeaturesProvider 内使用')
  return features
}
