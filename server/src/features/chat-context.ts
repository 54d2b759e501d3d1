// The `seam/chatContext` request: the grounded messages for a chat question about a file, built
// by the core from the root's index, pairs and findings. The client only forwards them.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { handleChatContext } from '../core/chat/chat-context-handler';
import type { ContextSources } from '../core/chat/context-items';
import type { ChatContextParams, ChatContextResult } from '../protocol';
import type { RootState, SeamSession } from '../session/seam-session';

export function chatContext(
  session: SeamSession,
  params: ChatContextParams,
): ChatContextResult | null {
  const path = params.uri?.startsWith('file:') ? fileURLToPath(params.uri) : undefined;
  const root = (path && session.locate(path)?.root) ?? session.roots[0];
  if (!root) return null;
  return handleChatContext(
    {
      root: root.path,
      sources: contextSourcesOf(session, root),
      fileOfUri: (uri) => {
        const filePath = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
        const located = filePath ? session.locate(filePath) : undefined;
        return located?.root === root ? located.file : undefined;
      },
    },
    params,
  );
}

/** What chat and the language-model tools read of a root: its view, latest check and texts. */
export function contextSourcesOf(session: SeamSession, root: RootState): ContextSources {
  const { findings, pairing } = session.check(root);
  return {
    view: root.index.view(),
    pairing,
    findings,
    readText: (file) => session.readText(join(root.path, file)),
  };
}
