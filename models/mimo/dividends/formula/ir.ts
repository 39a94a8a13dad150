/** Element-wise binary operations of the formula language. */
export type BinaryOp =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'mod'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'eq'
  | 'ne'
  | 'and'
  | 'or'
  | 'min'
  | 'max'
  | 'logb';

/** Element-wise unary operations (operators and one-argument functions). */
export type UnaryOp =
  'neg' | 'not' | 'abs' | 'sqrt' | 'exp' | 'log' | 'log10' | 'floor' | 'ceil' | 'round' | 'sign';

/** Population aggregates: one value for all members. */
export type AggregateOp = 'sum' | 'mean' | 'max' | 'min' | 'count';

/** A validated formula: only these nodes exist, so anything else cannot be compiled. */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'size' }
  | { readonly k: 'un'; readonly op: UnaryOp; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'cond'; readonly c: Expr; readonly t: Expr; readonly f: Expr }
  | { readonly k: 'agg'; readonly op: AggregateOp; readonly a: Expr };
