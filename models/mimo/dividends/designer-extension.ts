import type { ExtensionInfo } from '../../../sim/model.js';
import type { Ais } from '../ais/ais.js';
import type { Population } from '../economy/population.js';
import { designFormula, type FormulaDesign } from './designer.js';
import { reportFormulaDesign, type FormulaReport } from './designer-report.js';

/** The name under which mimo offers its formula designer to hosts (the lab's `#/designer`). */
export const FORMULA_DESIGNER = 'formula-designer';

export const formulaDesignerInfo: ExtensionInfo = {
  name: FORMULA_DESIGNER,
  description:
    'Pays a pool by a dividend formula on the population now, as a payout would, without changing the run',
};

/** mimo's formula designer, as the extension `formula-designer` offers it. */
export interface FormulaDesigner {
  /** Each member's payout of `pool` minor units by `formula`, or the problem that refused it. */
  design(formula: string, pool: number): FormulaDesign;
  /** The same, summarised for a page (default pool 1,000,000 minor units). */
  report(formula: string, pool?: number): FormulaReport;
}

/** The designer on a live population; `tick` says how many ticks the run has completed. */
export function formulaDesigner(
  population: Population,
  ais: Ais | null,
  tick: () => number,
): FormulaDesigner {
  const design = (formula: string, pool: number) => designFormula(population, ais, formula, pool, tick());
  return {
    design,
    report: (formula, pool = 1_000_000) => reportFormulaDesign(design(formula, pool), pool, tick()),
  };
}
