import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../scripts/errors.ts';
import { parseOptions, STUDY_CONFIGURATIONS } from '../../scripts/measure/options.ts';
import { configurationFolder } from '../../scripts/measure/naming.ts';

const ROOT = '/srv/netnotes';
const NOW = new Date(2026, 11, 4, 9, 5);
const defaults = { duration: '5', repetitions: '3' };

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseOptions', () => {
  it('defaults to every technique and the study configurations', () => {
    const request = parseOptions(defaults, ROOT, NOW);

    expect(request.techniques).toEqual(['bridge', 'routed', 'macvlan', 'nat', 'ovs']);
    expect(request.skipUnavailable).toBe(true);
    const studyCount = Object.values(STUDY_CONFIGURATIONS).flat().length;
    expect(request.configurations).toHaveLength(studyCount);
    expect(request.durationSeconds).toBe(5);
    expect(request.repetitions).toBe(3);
  });

  it('names the default run folder by date and time', () => {
    const request = parseOptions(defaults, ROOT, NOW);

    expect(request.out).toBe(path.join(ROOT, 'data/runs/netns-2026-12-04-0905'));
  });

  it('resolves --out against the root', () => {
    const request = parseOptions({ ...defaults, out: 'runs/new' }, ROOT, NOW);

    expect(request.out).toBe(path.join(ROOT, 'runs/new'));
  });

  it('rejects a run folder name the manifest cannot hold', () => {
    const message = usageMessage(() => parseOptions({ ...defaults, out: 'runs/my run' }, ROOT, NOW));

    expect(message).toContain('--out: invalid run folder name "my run"');
  });

  it('maps counts and MxK to their setups', () => {
    const request = parseOptions({ ...defaults, configs: '1,2,1x4,4x1' }, ROOT, NOW);
    const names = request.configurations.map((c) => `${c.setup}/${configurationFolder(c)}`);

    expect(names).toEqual([
      'one-server/1-clients',
      'one-server/2-clients',
      'n-servers/1-servers-1-clients',
      'n-servers/2-servers-2-clients',
      'containers-x-clients/1x4',
      'containers-x-clients/4x1',
    ]);
  });

  it('gives n-servers N servers and N clients', () => {
    const request = parseOptions({ ...defaults, setups: 'n-servers', configs: '4' }, ROOT, NOW);

    expect(request.configurations).toEqual([{ setup: 'n-servers', servers: 4, clientContainers: 4, clientsPerContainer: 1 }]);
  });

  it('reads MxK as M client containers with K clients each', () => {
    const request = parseOptions({ ...defaults, setups: 'containers-x-clients', configs: '2x8' }, ROOT, NOW);

    expect(request.configurations).toEqual([{ setup: 'containers-x-clients', servers: 1, clientContainers: 2, clientsPerContainer: 8 }]);
  });

  it('marks explicit techniques as required', () => {
    const request = parseOptions({ ...defaults, techniques: 'bridge,nat' }, ROOT, NOW);

    expect(request.techniques).toEqual(['bridge', 'nat']);
    expect(request.skipUnavailable).toBe(false);
  });

  it('reports every invalid option at once', () => {
    const message = usageMessage(() =>
      parseOptions({ techniques: 'bridge,vxlan', setups: 'one-server', configs: '0,1x4', duration: '2.5', repetitions: 'many' }, ROOT, NOW),
    );

    expect(message).toContain('--techniques: unknown value "vxlan"');
    expect(message).toContain('--configs: invalid entry "0"');
    expect(message).toContain('--configs: "1x4" fits none of the setups one-server');
    expect(message).toContain('--duration: invalid value "2.5"');
    expect(message).toContain('--repetitions: invalid value "many"');
  });

  it('requires a configuration for each chosen setup', () => {
    const message = usageMessage(() => parseOptions({ ...defaults, configs: '2' }, ROOT, NOW));

    expect(message).toContain('no configuration for setup containers-x-clients');
  });

  it('rejects configurations that overflow a /24', () => {
    const message = usageMessage(() => parseOptions({ ...defaults, techniques: 'bridge,nat', setups: 'n-servers', configs: '200' }, ROOT, NOW));

    expect(message).toContain('n-servers/200-servers-200-clients needs more addresses than a /24 gives bridge');
    expect(message).not.toContain('gives bridge, nat');
  });
});
