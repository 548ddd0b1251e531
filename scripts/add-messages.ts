/**
 * Adds messages to public/_locales/en/messages.json from a fragment file of the same shape
 * (`tsx scripts/add-messages.ts fragment.json`), refusing to change an existing message.
 * New keys are appended in the fragment's order; run `npx wxt prepare` afterwards for the types.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessageEntry } from '../lib/i18n.ts';

const target = fileURLToPath(new URL('../public/_locales/en/messages.json', import.meta.url));
const fragmentPath = process.argv[2];
if (!fragmentPath) {
  console.error('Usage: tsx scripts/add-messages.ts <fragment.json>');
  process.exit(2);
}
const fragment = JSON.parse(readFileSync(fragmentPath, 'utf8')) as Record<string, MessageEntry>;
const messages = JSON.parse(readFileSync(target, 'utf8')) as Record<string, MessageEntry>;
const clashes: string[] = [];
for (const [key, entry] of Object.entries(fragment)) {
  if (!/^[A-Za-z0-9_]+$/.test(key)) clashes.push(`${key}: keys are letters, digits and _ only`);
  else if (typeof entry?.message !== 'string') clashes.push(`${key}: no "message"`);
  else if (messages[key] && messages[key].message !== entry.message) {
    clashes.push(`${key}: already "${messages[key].message}"`);
  } else messages[key] = entry;
}
if (clashes.length > 0) {
  console.error(`Nothing added:\n${clashes.join('\n')}`);
  process.exit(1);
}
const temporary = `${target}.${process.pid}.tmp`;
writeFileSync(temporary, `${JSON.stringify(messages, null, 2)}\n`);
renameSync(temporary, target); // whole-file swap: two writers never interleave
console.log(`${Object.keys(fragment).length} messages in; ${Object.keys(messages).length} in all.`);
