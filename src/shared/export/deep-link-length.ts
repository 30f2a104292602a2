/**
 * (Kept apart from deep-link.ts and its schemas, so the window's small first script can use it.)
 *
 * Links this long or longer are not ours, wherever one comes in (argv and `open-url` in the main
 * process, `#open=` in web mode, the parser here): dropped, never looked at. Far longer than any
 * link we make (two UUIDs, each at most 108 characters even fully percent-encoded: under 260),
 * so that an odd link still reaches the app whole enough to be refused with a message.
 */
export const MAX_DEEP_LINK_LENGTH = 2048;
