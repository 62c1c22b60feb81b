// Types for the layer rule, so the RuleTester test (tests/unit/lint) can import it.
import type { Rule } from 'eslint';

export interface Layer {
  name: string;
  dir: string | string[];
  may: string[] | '*';
  packages: string[] | '*';
  node: boolean;
  electron: boolean;
  computedImports?: boolean;
  why: string;
}
export const layers: Layer[];
export const layersRule: Rule.RuleModule;
