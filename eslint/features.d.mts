// Types for the feature rule, so its tests (tests/unit/lint) can import it.
import type { Rule } from 'eslint';

/** Which feature folders each feature folder imports. */
export type FeatureGraph = Record<string, string[]>;
export function importSpecifiers(text: string): string[];
export function featureGraph(root: string): FeatureGraph;
export function pathBetween(graph: FeatureGraph, start: string, goal: string): string[] | null;
export function featureCycles(graph: FeatureGraph): string[][];
export const featuresRule: Rule.RuleModule;
