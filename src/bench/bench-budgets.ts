/** The budgets the README promises, for this kind of machine (2 cores). */
export const BUDGETS = {
  firstSlidePayloadKb: 45,
  /** JavaScript and CSS, gzipped, until the network is idle after the first slide. */
  idlePayloadKb: 60,
  fontsKb: 60,
  firstSlideMs: 120,
  /** `npm run pdf` and `npm run handout` when dist/ is current, process start to exit. */
  currentExportMs: 1000,
  /** The generated large deck: `npm run build`, cold. */
  largeBuildMs: 3000,
  /** What each slide more adds to a slides PDF. */
  pdfPerSlideMs: 15,
  /** The large deck's first slide against the talk's: independent of the deck's size. */
  largeFirstSlideRatio: 1.15,
  /** A deck with three photos straight from a phone: its single file, and its slides PDF. */
  photoSingleFileKb: 1500,
  photoPdfKb: 2000,
} as const;
