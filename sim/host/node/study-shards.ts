import { shardProgress, type ShardProgress } from '../../study/shard-progress.js';
import type { StudyFolder } from './study-folder.js';
import { recordPlan, type StudyRecord } from './study-record.js';

/** A study folder's shards as its journals show them. */
export interface FolderShards {
  /** The shard counts N of the journals: one for a study run (or being run) in N shards, none before any start. */
  readonly counts: number[];
  /** Each shard's progress when the journals are of one sharding; empty otherwise. */
  readonly shards: ShardProgress[];
  /** Finished runs, over every journal. */
  readonly done: number;
}

export function folderShards(folder: StudyFolder, record: StudyRecord): FolderShards {
  const finished = new Set(folder.entries().flatMap((e) => e.runs.map((r) => r.k)));
  const counts = folder.shardCounts();
  const shards = counts.length === 1 ? shardProgress(recordPlan(record), counts[0], finished) : [];
  return { counts, shards, done: finished.size };
}
