// Seam's chat in VS Code: the `@seam` participant and the chat panel. The extension calls
// `registerChat` once, with a function that sends `seam/chatContext` to the language server.
export { registerChat, CHAT_COMMANDS } from './register-chat';
export type { ChatContextRequester, ClientChatContextParams } from './chat-types';
