import { describe, expect, it } from 'vitest';
import { readDeed, readOutcome } from '@/lib/phrasing';

describe('reading what the user typed', () => {
  it.each([
    ['stayed late to fix the invoice export.', 'clause', 'stayed late to fix the invoice export'],
    ['Stayed late', 'clause', 'stayed late'],
    ['you relabelled the pallets', 'clause', 'relabelled the pallets'],
    ['made the numbers add up', 'clause', 'made the numbers add up'],
    ['quickly found the pallets', 'clause', 'quickly found the pallets'],
    ['getting your crew to relabel', 'act', 'getting your crew to relabel'],
    ['Covering reception at 7 am', 'act', 'covering reception at 7 am'],
    ['invoice export fix', 'act', 'the invoice export fix'],
    ['the invoice export fix', 'act', 'the invoice export fix'],
    ['your help', 'act', 'your help'],
    ['speed', 'act', 'the speed'],
    ['morning coffee run', 'act', 'the morning coffee run'],
    ['  ', 'empty', ''],
  ])('"%s" is %s: "%s"', (typed, form, text) => {
    expect(readDeed(typed)).toEqual({ form, text });
  });

  it.each([
    ['Globex got their numbers on time', 'clause', 'Globex got their numbers on time'],
    ['We shipped on time.', 'clause', 'we shipped on time'],
    ['the truck left at 10:30', 'clause', 'the truck left at 10:30'],
    ['an on-time delivery', 'act', 'an on-time delivery'],
    ['on-time delivery', 'act', 'the on-time delivery'],
    ['the signed contract', 'act', 'the signed contract'],
    ['getting the order out', 'act', 'getting the order out'],
    ['', 'empty', ''],
  ])('outcome "%s" is %s: "%s"', (typed, form, text) => {
    expect(readOutcome(typed)).toEqual({ form, text });
  });
});
