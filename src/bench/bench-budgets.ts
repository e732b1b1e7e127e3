/** The budgets the README promises, for this kind of machine (2 cores). */
export const BUDGETS = {
  firstSlidePayloadKb: 50,
  fontsKb: 60,
  firstSlideMs: 120,
  slidesPdfMs: 1000,
  buildMs: 1000,
} as const;
