// The language server's LSP wiring. Features are plain handlers over the index; this file only
// connects them to the protocol.
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: {} }));
documents.listen(connection);
connection.listen();
