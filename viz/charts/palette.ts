/** Colours readable on a projector (Okabe-Ito, colour-blind safe). */
export const palette = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

/** The chart text size: large enough for the back of a room. */
export const fontSize = 15;

/** The frame every wide Observable Plot chart of the lab shares: size, margins for axis labels, text size. */
export const plotFrame = {
  width: 560,
  height: 300,
  marginLeft: 64,
  marginBottom: 44,
  style: { fontSize: `${fontSize}px` },
} as const;
