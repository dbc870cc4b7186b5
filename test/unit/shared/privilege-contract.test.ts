import { describe, expect, expectTypeOf, it } from 'vitest';
import { isMethodName, isTopicName, methods, parseCall, topics, type MethodOutput, type TopicPayload } from '../../../src/shared/contract';
import { privilegeStateSchema, type PrivilegeState } from '../../../src/shared/privilege-model';

describe('the privilege methods and topic', () => {
  it('are part of the contract, with the same state as output and payload', () => {
    expect(isMethodName('privilege.get')).toBe(true);
    expect(isMethodName('privilege.elevate')).toBe(true);
    expect(isTopicName('privilege')).toBe(true);
    expect(methods['privilege.elevate'].output).toBe(privilegeStateSchema);
    expect(topics.privilege).toBe(privilegeStateSchema);
    expectTypeOf<MethodOutput<'privilege.get'>>().toEqualTypeOf<PrivilegeState>();
    expectTypeOf<MethodOutput<'privilege.elevate'>>().toEqualTypeOf<PrivilegeState>();
    expectTypeOf<TopicPayload<'privilege'>>().toEqualTypeOf<PrivilegeState>();
  });

  it('take no input', () => {
    expect(parseCall('privilege.elevate', {})).toEqual({ method: 'privilege.elevate', input: {} });
    expect(() => parseCall('privilege.elevate', { prompt: 'x' })).toThrow(/invalid input for privilege.elevate/);
  });

  it('knows the five states and nothing else', () => {
    for (const state of ['root', 'elevated', 'not-elevated', 'declined', 'unavailable']) expect(privilegeStateSchema.safeParse({ state, reason: null }).success).toBe(true);
    expect(privilegeStateSchema.safeParse({ state: 'admin', reason: null }).success).toBe(false);
    expect(privilegeStateSchema.safeParse({ state: 'declined' }).success).toBe(false);
  });
});
