/**
 * What an indicator view's map and ranking show: a module of its own, without the renderers,
 * so that the browser view can read its state before it loads them.
 */
export const METRICS = ['value', 'growth', 'completion', 'pace_gap', 'seasonal_gap', 'growth_gap'] as const;
export type Metric = (typeof METRICS)[number];
