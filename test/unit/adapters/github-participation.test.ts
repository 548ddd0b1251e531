// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { github } from '../../../lib/adapters/github';
import { loadFixture } from './load-fixture';

/** The fixture as another signed-in user (or nobody) sees it. */
function asUser(name: string, login: string | null) {
  const { document, url } = loadFixture('github', name);
  const meta = document.querySelector('meta[name="user-login"]')!;
  if (login === null) meta.remove();
  else meta.setAttribute('content', login);
  return github.extract(document, url)!;
}

describe('github: reading a thread is not taking part in it', () => {
  it('the user takes part as opener, commenter or assignee, not by reading or being mentioned', () => {
    expect(asUser('issue-react', 'sam-rivera').userTakesPart).toBe(true);
    expect(asUser('issue-react', 'jordan-lee-globex').userTakesPart).toBe(true); // opener
    expect(asUser('issue-react', 'marco-diaz').userTakesPart).toBe(true); // assignee
    expect(asUser('issue-react', 'taylor-nguyen').userTakesPart).toBe(false); // mentioned only
    expect(asUser('issue-react', 'a-passer-by').userTakesPart).toBe(false);
    expect(asUser('issue-react', null).userTakesPart).toBe(false); // signed out
  });

  it('a requested reviewer takes part', () => {
    const { document, url } = loadFixture('github', 'pull-classic');
    document.querySelector('meta[name="user-login"]')!.setAttribute('content', 'rey-reviewer');
    expect(github.extract(document, url)!.userTakesPart).toBe(false);
    const form = document.createElement('form');
    form.setAttribute('aria-label', 'Select reviewers');
    form.innerHTML =
      '<a class="assignee" data-hovercard-url="/users/rey-reviewer/hovercard" href="/rey-reviewer">rey-reviewer</a>';
    document.body.append(form);
    expect(github.extract(document, url)!.userTakesPart).toBe(true);
  });
});

describe('github: GitHub Enterprise Server', () => {
  it('reads the same pages at a company host, keeping the host in the thread key', () => {
    const { document } = loadFixture('github', 'issue-react');
    const onCloud = github.extract(document, new URL('https://github.com/Acme/widgets/issues/42'))!;
    const onPremises = github.extract(
      document,
      new URL('https://github.acme-corp.example/Acme/widgets/issues/42'),
    )!;
    expect(onPremises.threadKey).toBe('github:github.acme-corp.example/acme/widgets#42');
    expect(onPremises.url).toBe('https://github.acme-corp.example/acme/widgets/issues/42');
    expect(onPremises.participants).toEqual(onCloud.participants);
    expect(onPremises.participants.length).toBeGreaterThan(3);
  });
});
