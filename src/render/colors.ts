/** The charts' colours, in a module of their own so that a chart drawn without Plot needs no Plot. */

/** Colour-blind-safe pairs (blue/orange), with a word next to every colour in the key. */
export const COLORS = {
  ahead: '#1f6fb2',
  behind: '#e07b00',
  neutral: '#b8c2cc',
  self: '#0b3c6e',
  neighbour: '#6fa8dc',
  muted: '#6b7785',
  lastYear: '#8a96a3',
  rule: '#222',
} as const;
