// envelope-mismatch: a call's declared response type disagrees with the route's envelope: it
// types the body as the bare model where the route wraps it (`ResponseSchema[T]`), unwraps the
// envelope twice, or expects an envelope the route does not send.
import type { Finding } from '../findings/finding';
import type { EnvelopeMismatch } from '../pairing/pairs';
import type { Rule } from './rule';

export const envelopeMismatch: Rule = {
  id: 'envelope-mismatch',
  doc: "A call's response type that disagrees with the route's response envelope.",
  defaultSeverity: 'warning',
  check(context) {
    return context.pairing.envelopeMismatches.map((mismatch): Finding => ({
      code: this.id,
      severity: this.defaultSeverity,
      file: mismatch.call.file,
      range: mismatch.call.range,
      message: describe(mismatch),
      related: [
        {
          file: mismatch.route.file,
          range: mismatch.route.range,
          message: `route \`${mismatch.route.functionName}\` returns \`${mismatch.route.responseTypeText}\``,
        },
      ],
      evidence: [`route ${mismatch.route.method} ${mismatch.route.fullPath}`],
    }));
  },
};

function describe({ call, route, note }: EnvelopeMismatch): string {
  const declared = `\`${call.responseTypeText}\``;
  const sent = `\`${route.responseTypeText}\``;
  const envelope = note.envelope.name;
  switch (note.problem) {
    case 'bare-where-wrapped':
      return (
        `This call types the response as ${declared}, but ${route.method} ${route.fullPath} ` +
        `wraps it in ` +
        `${sent}. The fields sit one level down (under the \`${envelope}\` payload field), ` +
        `so reading them ` +
        `directly gives undefined. Type the call as the envelope and read the payload field.`
      );
    case 'wrapped-twice':
      return (
        `This call types the response as ${declared}, an envelope inside an envelope, but ` +
        `${route.method} ${route.fullPath} sends ${sent} with one. Reading the inner ` +
        `envelope's fields ` +
        `gives undefined. Remove one level of \`${envelope}\`.`
      );
    case 'wrapped-where-bare':
      return (
        `This call expects ${declared} (wrapped in \`${envelope}\`), but ${route.method} ` +
        `${route.fullPath} ` +
        `returns ${sent} without an envelope, while other routes do use one. Reading the ` +
        `envelope's ` +
        `payload field gives undefined. Type the call as the bare model, or wrap the route's ` +
        `response.`
      );
  }
}
