/**
 * axe-core's checks on a page or a frame (injected through the driver, which extension pages'
 * CSP does not apply to). Each violation reads as its rule, where, and why, so a failing test
 * says what to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
    ),
  );
}
