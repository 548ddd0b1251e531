/**
 * The supported tools and where they live. Pure data: the manifest's host permissions,
 * the content script's matches and the adapters all read from here, so a tool's address
 * is written once.
 */
export const TOOLS = [
  'gmail',
  'outlook',
  'jira',
  'zendesk',
  'github',
  'linear',
  'freshdesk',
  'servicenow',
  'slack',
  'teams',
  'google-chat',
] as const;
export type Tool = (typeof TOOLS)[number];

export const TOOL_LABELS: Record<Tool, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  jira: 'Jira',
  zendesk: 'Zendesk',
  github: 'GitHub',
  linear: 'Linear',
  freshdesk: 'Freshdesk',
  servicenow: 'ServiceNow',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  'google-chat': 'Google Chat',
};

/**
 * Where each tool shows conversations (https only): the content script runs there and nowhere
 * else on the tool's hosts. Where anyone can create a site on the tool's domain (a Zendesk help
 * centre, a Freshdesk portal), that site's pages are not the agent's app, and a page there that
 * rewrites its own address to look like a ticket is not given our script. Self-hosted
 * instances are added at run time, for their whole origin.
 */
export const TOOL_MATCHES: Record<Tool, readonly string[]> = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  // Issues, boards and queues; not Confluence (/wiki) or the customer portal (/servicedesk).
  jira: [
    'https://*.atlassian.net/browse/*',
    'https://*.atlassian.net/jira/*',
    'https://*.atlassian.net/issues/*',
    'https://*.atlassian.net/projects/*',
    'https://*.atlassian.net/secure/*',
  ],
  // The agent workspace; not the help centre (/hc) a customer or anyone can see.
  zendesk: ['https://*.zendesk.com/agent/*'],
  github: ['https://github.com/*'],
  linear: ['https://linear.app/*'],
  // The agent app (/a) and its older address (/helpdesk); not the customer portal (/support).
  freshdesk: ['https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/*'],
  // The Next Experience shell and classic forms and lists; not the service portals (/sp, /csm).
  servicenow: ['https://*.service-now.com/now/*', 'https://*.service-now.com/*.do*'],
  slack: ['https://app.slack.com/*'],
  teams: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*'],
  'google-chat': ['https://chat.google.com/*'],
};

/**
 * The tools that exist at a company's own address (GitHub Enterprise Server, Jira Data Center,
 * ServiceNow and Freshdesk custom URLs, Zendesk host mapping, Outlook on Exchange), and whose
 * adapters read them there: what the options page offers as self-hosted. Slack, Linear, Teams,
 * Gmail and Google Chat run only at their vendor's hosts.
 */
export const SELF_HOSTED_TOOLS: readonly Tool[] = [
  'jira',
  'github',
  'servicenow',
  'zendesk',
  'freshdesk',
  'outlook',
];

/** The whole origin a match pattern is on: `https://*.zendesk.com/agent/*` -> `https://*.zendesk.com/*`. */
export function originMatch(pattern: string): string {
  return pattern.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*');
}

/**
 * Every supported tool's origins as match patterns, de-duplicated, in a stable order: what the
 * extension may reach (host permissions), where the sidebar may be framed, where the menus show.
 */
export const ALL_TOOL_MATCHES: string[] = [
  ...new Set(TOOLS.flatMap((tool) => TOOL_MATCHES[tool].map(originMatch))),
];

/**
 * Hosts on which anyone can create a site of their own (`*.zendesk.com`): a page there may be
 * a stranger's, so nothing is logged automatically until the user says the workspace is theirs.
 * The tools' own fixed hosts (mail.google.com, github.com…) serve only the vendor's app.
 */
export function isTenantHost(tool: Tool, hostname: string): boolean {
  return TOOL_MATCHES[tool].some((pattern) => {
    const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
    return (
      host.startsWith('*.') && hostname.endsWith(host.slice(1)) && hostname.length > host.length - 1
    );
  });
}
