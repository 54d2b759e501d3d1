// Seam's chat in VS Code: the `@seam` participant, the language-model tools and the chat panel.
// The extension calls `registerChat` once, with the language server's chat requests.
export { registerChat, CHAT_COMMANDS } from './register-chat';
export type { ChatContextRequester, ChatServer, ClientChatContextParams } from './chat-types';
