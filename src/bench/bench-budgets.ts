/** The budgets the README promises, for this kind of machine (2 cores). */
export const BUDGETS = {
  firstSlidePayloadKb: 50,
  fontsKb: 60,
  firstSlideMs: 120,
  slidesPdfMs: 1000,
  buildMs: 1000,
  /** A deck with three photos straight from a phone: its single file, and its slides PDF. */
  photoSingleFileKb: 1500,
  photoPdfKb: 2000,
} as const;
