/** A per-member variable a dividend formula may read. */
export interface FormulaVariable {
  readonly name: string;
  readonly description: string;
}

/** The per-member variables every MIMO run provides (the model may add more). */
export const MEMBER_VARIABLES: readonly FormulaVariable[] = [
  { name: 'records', description: 'Transaction records the member contributed to AIS (count).' },
  { name: 'hours_given', description: 'Hours of service the member gave (AIS deposits).' },
  { name: 'hours_received', description: 'Hours of service the member received (AIS withdrawals).' },
  {
    name: 'value_given',
    description: 'Value of the service the member gave (fiat-equivalent price, fiat minor units).',
  },
  {
    name: 'privacy_spent',
    description: 'Privacy budget (sum of epsilons) AIS has spent on the member’s records.',
  },
  { name: 'tenure', description: 'Ticks since the member joined.' },
  { name: 'groups', description: 'Number of issuing groups the member belongs to.' },
];

/** Names of the default member variables. */
export const MEMBER_VARIABLE_NAMES: readonly string[] = MEMBER_VARIABLES.map((v) => v.name);
