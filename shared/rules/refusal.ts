/**
 * A refusal is the law answering a student: a stable machine code, the rule it enforces
 * (an ID from SPEC.md) and one sentence a student understands.
 */
export interface Refusal {
  code: string;
  rule: string;
  message: string;
}

export function refuse(code: string, rule: string, message: string): Refusal {
  return { code, rule, message };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'code' in value && 'rule' in value && 'message' in value;
}
