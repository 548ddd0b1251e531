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

/** Match patterns (https only) per tool. Self-hosted instances are added at run time. */
export const TOOL_MATCHES: Record<Tool, readonly string[]> = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  jira: ['https://*.atlassian.net/*'],
  zendesk: ['https://*.zendesk.com/*'],
  github: ['https://github.com/*'],
  linear: ['https://linear.app/*'],
  freshdesk: ['https://*.freshdesk.com/*'],
  servicenow: ['https://*.service-now.com/*'],
  slack: ['https://app.slack.com/*'],
  teams: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*'],
  'google-chat': ['https://chat.google.com/*'],
};

/** Every supported tool's match pattern, de-duplicated, in a stable order. */
export const ALL_TOOL_MATCHES: string[] = [...new Set(TOOLS.flatMap((tool) => TOOL_MATCHES[tool]))];
