// The slash commands of Seam's chat (`/explain`, `/review`, `/design`) as questions: each frames
// the user's words so the model knows which part of the context to work from.

export type ChatCommandName = 'explain' | 'review' | 'design';

export const CHAT_COMMANDS: Record<ChatCommandName, string> = {
  explain: 'explain the findings in the active file',
  review: 'review the active migration against the models',
  design: 'plan a new field across model, schema, migration and TypeScript type',
};

export function isChatCommand(name: string | undefined): name is ChatCommandName {
  return !!name && Object.hasOwn(CHAT_COMMANDS, name);
}

const NO_CHANGE_DESCRIBED = '\n\n(No change was described.)';

/** The question sent for a command; without a command the user's words go as they are. */
export function questionFor(
  command: ChatCommandName | undefined,
  userText: string,
  activeFile: string | undefined,
): string {
  const file = activeFile ? `\`${activeFile}\`` : 'the workspace';
  const extra = userText.trim() ? `\n\n${userText.trim()}` : '';
  switch (command) {
    case 'explain':
      return (
        `Explain each finding Seam reports in ${file}: what differs between the two sides, what ` +
        `breaks at run time because of it, and the smallest change that fixes it.${extra}`
      );
    case 'review':
      return (
        `Review the migration in ${file} against the models above: columns added as NOT NULL ` +
        'without a default, ALTER operations SQLite cannot run, a downgrade that does not undo ' +
        `the upgrade, and differences from the ORM models.${extra}`
      );
    case 'design':
      return (
        'Plan this change through every layer it touches: the ORM model, the Pydantic schemas, ' +
        'an Alembic migration and the TypeScript type, with the same name, nullability and ' +
        `default on each side. Show the code for each file.${extra || NO_CHANGE_DESCRIBED}`
      );
    default:
      return userText;
  }
}
