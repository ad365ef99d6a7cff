import { clientAddress, serverAddress } from './addresses.ts';
import { addNamespace, heldUntilReleased, inNamespace, ipIn, iperfClient, iperfServer } from './commands.ts';
import { clientName, clientNamespace, serverName, serverNamespace, switchNamespace } from './naming.ts';
import { TECHNIQUE_INFO } from './techniques/index.ts';
import type { Container, Wiring } from './techniques/wiring.ts';
import type { Configuration, IperfProcess, Technique, Topology } from './types.ts';

/** Returns the server that client container i talks to: ((i − 1) mod N) + 1, as in the study's n-servers setup. */
export function serverFor(container: number, servers: number): number {
  return ((container - 1) % servers) + 1;
}

/** Builds the commands that create one technique's network for a configuration, and the iperf processes to run on it. */
export function buildTopology(technique: Technique, configuration: Configuration, prefix: string, durationSeconds: number): Topology {
  const servers = numbered(configuration.servers).map(
    (k): Container => ({ role: 'server', index: k, namespace: serverNamespace(prefix, k), address: serverAddress(technique, k) }),
  );
  const clients = numbered(configuration.clientContainers).map(
    (i): Container => ({
      role: 'client',
      index: i,
      namespace: clientNamespace(prefix, i),
      address: clientAddress(technique, i, configuration.servers),
    }),
  );
  const wiring = TECHNIQUE_INFO[technique].wire({ technique, prefix, hub: switchNamespace(prefix), servers, clients });

  const containers = [...servers, ...clients];
  const namespaces = [...wiring.namespaces, ...containers.map((container) => container.namespace)];
  return {
    technique,
    namespaces,
    setup: [
      ...namespaces.map(addNamespace),
      ...containers.map((container) => ipIn(container.namespace, 'link', 'set', 'lo', 'up')),
      ...wiring.setup,
    ],
    teardown: wiring.teardown,
    servers: servers.map((server) => ({
      name: serverName(server.index),
      namespace: server.namespace,
      argv: inNamespace(server.namespace, iperfServer()),
      held: false,
    })),
    clients: clients.flatMap((client) => clientProcesses(client, configuration, wiring, durationSeconds)),
  };
}

function clientProcesses(client: Container, configuration: Configuration, wiring: Wiring, durationSeconds: number): IperfProcess[] {
  const target = wiring.target(serverFor(client.index, configuration.servers));
  return numbered(configuration.clientsPerContainer).map((j) => ({
    name: clientName(client.index, j),
    namespace: client.namespace,
    argv: inNamespace(client.namespace, heldUntilReleased(iperfClient(target.address, target.port, durationSeconds))),
    held: true,
  }));
}

function numbered(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
