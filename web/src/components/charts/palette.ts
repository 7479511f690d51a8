/**
 * Series colours for charts, in order, each at least 3:1 against white (WCAG's contrast for graphics) and told apart
 * by hue and lightness. Charts never rely on colour alone: a legend, labels or the table view say the same.
 */
export const SERIES_COLOURS = ['#b3401a', '#1f5a8c', '#2f7d4a', '#6d3a78', '#8a5300', '#8f1b12', '#0f6e6e', '#5b4bb7', '#7a5c2e', '#b0306a'];
/** Text and the whole-organization line. */
export const INK = '#2a1f17';
/** Grid lines and muted text. */
export const MUTED = '#6a5544';
