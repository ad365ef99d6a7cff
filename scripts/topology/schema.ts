// JSON Schema of the network plan. Names go unquoted into shell commands on the page, so they
// are limited to letters, digits, dot, dash and underscore.
const name = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' };
const port = { type: 'integer', minimum: 1, maximum: 65535 };

const interfaceNames = {
  type: 'object',
  required: ['then', 'now'],
  additionalProperties: false,
  properties: { then: name, now: name },
};

const forward = {
  type: 'object',
  required: ['name', 'protocol', 'host_port', 'guest_port'],
  additionalProperties: false,
  properties: { name, protocol: { enum: ['tcp', 'udp'] }, host_port: port, guest_port: port },
};

const natAdapter = {
  required: ['slot', 'attachment', 'interface', 'forwards'],
  additionalProperties: false,
  properties: {
    slot: true,
    attachment: true,
    interface: interfaceNames,
    forwards: { type: 'array', items: forward },
  },
};

const internalAdapter = {
  required: ['slot', 'attachment', 'interface', 'network', 'address'],
  additionalProperties: false,
  properties: {
    slot: true,
    attachment: true,
    interface: interfaceNames,
    network: name,
    // The value is checked as an address by the plan checks, which give a clearer message.
    address: { type: 'string' },
  },
};

const adapter = {
  type: 'object',
  required: ['slot', 'attachment'],
  // VirtualBox gives a VM up to eight network adapters.
  properties: { slot: { type: 'integer', minimum: 1, maximum: 8 }, attachment: { enum: ['nat', 'intnet'] } },
  allOf: [
    { if: { properties: { attachment: { const: 'nat' } } }, then: natAdapter },
    { if: { properties: { attachment: { const: 'intnet' } } }, then: internalAdapter },
  ],
};

export const planSchema = {
  type: 'object',
  required: ['environment', 'vms'],
  additionalProperties: false,
  properties: {
    environment: {
      type: 'object',
      required: ['virtualbox', 'host', 'guest'],
      additionalProperties: false,
      properties: { virtualbox: { type: 'string' }, host: { type: 'string' }, guest: { type: 'string' } },
    },
    vms: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'adapters'],
        additionalProperties: false,
        properties: { name, adapters: { type: 'array', minItems: 1, items: adapter } },
      },
    },
  },
};
