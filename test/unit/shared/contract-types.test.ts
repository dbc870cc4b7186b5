// Type tests: `npm run typecheck` (tsc over test/) is what checks them; the run below only proves
// the file loads. An `@ts-expect-error` that stops being an error fails the typecheck.
import type { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { HandlersOf, MethodArgs, MethodHandlers, MethodOutput, methods, TopicPayload } from '../../../src/shared/contract';
import type { PublishedPort } from '../../../src/shared/firewall-model';
import type { MappingStatus } from '../../../src/shared/publish-model';
import type { Engine } from '../../../src/main/engine/engine';
import type { OperationArgs, OperationHandlers, OperationResults } from '../../../src/main/privileged/contract/operations';
import type { commandHandlers } from '../../../src/main/privileged/operation-handlers';

describe('the method contract, as types', () => {
  it('gives each method its own input and output', () => {
    expectTypeOf<MethodOutput<'ports.get'>>().toEqualTypeOf<PublishedPort[]>();
    expectTypeOf<MethodOutput<'ports.publish'>>().toEqualTypeOf<MappingStatus>();
    expectTypeOf<MethodArgs<'doctor.fix'>>().toEqualTypeOf<{ id: string }>();
    // Defaults are applied before a handler sees the input: protocol is always there.
    expectTypeOf<MethodArgs<'ports.publish'>['protocol']>().toEqualTypeOf<'tcp' | 'udp'>();
    expectTypeOf<TopicPayload<'dnsNews'>>().toEqualTypeOf<TopicPayload<'dnsEvents'>>();
  });

  it('types Engine.call by the method named', () => {
    const check = (engine: Engine) => expectTypeOf(engine.call<'nat.get'>).returns.toEqualTypeOf<Promise<MethodOutput<'nat.get'>>>();
    expectTypeOf(check).toBeFunction();
  });

  it('makes a handler table without every method a compile error', () => {
    // A contract with one method more than the engine handles: the engine's table no longer fits it.
    type Extended = typeof methods & { 'extra.method': { input: z.ZodObject; output: z.ZodString } };
    expectTypeOf<MethodHandlers>().not.toExtend<HandlersOf<Extended>>();
    // And a table that leaves one method out is not a MethodHandlers.
    expectTypeOf<Omit<MethodHandlers, 'snapshot.get'>>().not.toExtend<MethodHandlers>();
    // @ts-expect-error the missing 'extra.method' handler is a compile error where the table is declared
    const table: HandlersOf<Extended> = {} as MethodHandlers;
    void table;
  });
});

describe('the privileged operation contract, as types', () => {
  it('gives each operation its own arguments and result', () => {
    expectTypeOf<OperationArgs<'kernel.loadModule'>>().toEqualTypeOf<{ module: 'br_netfilter' }>();
    expectTypeOf<OperationResults['firewall.save']>().toEqualTypeOf<{ text: string }>();
  });

  it('binds every operation that runs a command to a runner', () => {
    expectTypeOf<typeof commandHandlers>().toEqualTypeOf<OperationHandlers<Exclude<keyof OperationResults, 'helper.status'>>>();
    // @ts-expect-error a runner table without dns.setRedirects does not compile
    const partial: OperationHandlers<'dns.setRedirects' | 'dns.readFiles'> = { 'dns.readFiles': async () => ({ files: [] }) };
    void partial;
  });
});
