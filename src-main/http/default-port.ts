/**
 * Browser mode's port when none is asked for. A browser grants notification
 * permission per origin, port included: a port that stays the same keeps the
 * user's "Allow" from one run to the next. High, and assigned to no known service.
 * Its own file so the CLI's usage text can name it without loading the server.
 */
export const defaultPort = 47321;
