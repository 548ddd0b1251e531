import { describe, expect, it } from 'vitest';
import { identifyFromLink, identifyFromSelection } from '@/lib/identify';

describe('identifyFromSelection', () => {
  it('reads "Name <email>", a bare email and a name', () => {
    expect(identifyFromSelection('Amy Chen <Amy.Chen@Acme.example>')).toEqual({
      name: 'Amy Chen',
      email: 'amy.chen@acme.example',
    });
    expect(identifyFromSelection('  pat@globex.example ')).toEqual({
      email: 'pat@globex.example',
      name: undefined,
    });
    expect(identifyFromSelection('Dana   Kim')).toEqual({ name: 'Dana Kim' });
  });
  it('refuses whole paragraphs and code', () => {
    expect(
      identifyFromSelection('We shipped the release and everyone stayed late to test it twice'),
    ).toBeNull();
    expect(identifyFromSelection('<script>x</script>')).toBeNull();
    expect(identifyFromSelection('')).toBeNull();
  });
});

describe('identifyFromLink', () => {
  it('reads mailto links', () => {
    expect(identifyFromLink('mailto:Amy@Acme.example?subject=Hi')).toEqual({
      email: 'amy@acme.example',
    });
  });
  it('reads profile links of the supported tools', () => {
    expect(identifyFromLink('https://github.com/octocat')).toEqual({ handle: 'github:octocat' });
    expect(identifyFromLink('https://app.slack.com/team/U024BE7LH')).toEqual({
      handle: 'slack:U024BE7LH',
    });
    expect(
      identifyFromLink('https://acme.atlassian.net/jira/people/5b10ac8d82e05b22cc7d4ef5'),
    ).toEqual({
      handle: 'jira:5b10ac8d82e05b22cc7d4ef5',
    });
  });
  it('ignores links that are not people', () => {
    expect(identifyFromLink('https://github.com/settings')).toBeNull();
    expect(identifyFromLink('https://github.com/acme/widgets')).toBeNull();
    expect(identifyFromLink('https://example.org/')).toBeNull();
    expect(identifyFromLink('not a url')).toBeNull();
  });
});
