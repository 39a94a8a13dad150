import { describe, expect, it } from 'vitest';
import {
  defaultTasks,
  extraOption,
  MAX_ARRAY_TASKS,
  OWN_OPTIONS,
  SLURM_FLAG_FORMS,
} from '../../../../sim/study/slurm/slurm-job.js';

describe('slurm job options', () => {
  it('gives each CPU of a task at least 100 runs by default, within 1…1000 tasks', () => {
    expect(defaultTasks(40, 1)).toBe(1);
    expect(defaultTasks(1280, 1)).toBe(12);
    expect(defaultTasks(1280, 4)).toBe(3);
    expect(defaultTasks(100_000, 1)).toBe(MAX_ARRAY_TASKS);
    expect(MAX_ARRAY_TASKS).toBe(1000);
  });

  it('accepts the forms sbatch reads and refuses others', () => {
    const ok = {
      time: ['30', '10:00', '1:30:00', '2-0', '2-12:00', '7-00:00:00'],
      mem: ['4000', '500M', '4G', '1T'],
      partition: ['short', 'gpu_a100', 'short,long'],
      account: ['proj-42', 'lab.x'],
      extra: ['#SBATCH --qos=long', '#SBATCH -C haswell', '#SBATCH --mail-type=END'],
    };
    const bad = {
      time: ['', 'soon', '1h', '10:00:00:00', '-5', '1:2:3:4'],
      mem: ['', '0', '4GB', '4 G', '-1', '1.5G'],
      partition: ['', 'a b', 'a;b', 'a,', '$(x)'],
      account: ['', 'a b', 'a,b'],
      extra: ['--qos=long', 'SBATCH --qos=long', '#SBATCH', '#SBATCH --qos=long\nrm -rf /', 'echo hi'],
    };
    for (const [name, texts] of Object.entries(ok))
      for (const t of texts)
        expect(SLURM_FLAG_FORMS[name as keyof typeof ok].pattern.test(t), `${name} ${t}`).toBe(true);
    for (const [name, texts] of Object.entries(bad))
      for (const t of texts)
        expect(SLURM_FLAG_FORMS[name as keyof typeof bad].pattern.test(t), `${name} ${t}`).toBe(false);
  });

  it('reads the option an extra line sets', () => {
    expect(extraOption('#SBATCH --qos=long')).toBe('qos');
    expect(extraOption('#SBATCH --array 1-3')).toBe('array');
    expect(extraOption('#SBATCH -C haswell')).toBe('C');
    for (const own of ['#SBATCH --time=1:00', '#SBATCH -t 1:00', '#SBATCH -p short', '#SBATCH --array=1-3'])
      expect(OWN_OPTIONS).toContain(extraOption(own));
    expect(OWN_OPTIONS).not.toContain(extraOption('#SBATCH --qos=long'));
  });
});
