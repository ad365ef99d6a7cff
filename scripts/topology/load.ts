import { Ajv } from 'ajv';

import { InputError } from '../errors.ts';
import { parseYamlSource, readYamlSource, schemaProblems, type YamlSource } from '../site/yamlSource.ts';
import { planSchema } from './schema.ts';
import type { NetworkPlan } from './types.ts';

/** A validated plan and the source it came from, so later checks can name the line of a value. */
export interface LoadedPlan {
  plan: NetworkPlan;
  source: YamlSource;
}

const validate = new Ajv({ allErrors: true }).compile<NetworkPlan>(planSchema);

/** Reads a plan file and validates its shape; every problem carries the file's line and column. */
export async function loadPlan(file: string, displayName = file): Promise<LoadedPlan> {
  return validatePlan(await readYamlSource(file, displayName));
}

export function parsePlan(text: string, file: string): LoadedPlan {
  return validatePlan(parseYamlSource(text, file));
}

function validatePlan(source: YamlSource): LoadedPlan {
  if (validate(source.value)) return { plan: source.value, source };

  // An "if" error only says that a "then" branch failed; the branch's own errors say why.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  throw new InputError(`invalid network plan in ${source.file}:`, schemaProblems(source, errors));
}
