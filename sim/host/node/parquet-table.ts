import { parquetWriteBuffer } from 'hyparquet-writer';

/** A column of a Parquet table: 32-bit integers, 64-bit integers (seeds), doubles or text. */
export type ParquetColumn =
  | { readonly name: string; readonly type: 'INT32'; readonly data: Int32Array }
  | { readonly name: string; readonly type: 'INT64'; readonly data: BigInt64Array }
  | { readonly name: string; readonly type: 'DOUBLE'; readonly data: Float64Array }
  | { readonly name: string; readonly type: 'STRING'; readonly data: string[] };

/**
 * The bytes of a Parquet file (hyparquet-writer, snappy) of these columns, with `metadata` (provenance: engine
 * version, study hash...) in the file's key-value metadata. Numbers are never null: a missing value is NaN.
 */
export function parquetBytes(
  columns: readonly ParquetColumn[],
  metadata: Record<string, string>,
): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({
      name: c.name,
      type: c.type,
      data: c.data,
      nullable: c.type === 'STRING',
    })),
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'mimo-lab',
    rowGroupSize: 100_000,
  });
  return new Uint8Array(buffer);
}
