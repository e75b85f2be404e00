/** The national channels the gateway speaks to. */
export const channelNames = ['epuap', 'edoreczenia'] as const;
export type ChannelName = (typeof channelNames)[number];
