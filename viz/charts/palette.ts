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
