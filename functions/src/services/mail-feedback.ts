// What the mail service says came of the e-mail sent: an address that bounced for good, or whose owner marked a mail
// as spam, is e-mailed no more (their inbox on the site still holds everything). In AWS: SES's events for the
// platform's configuration set, through EventBridge (infra/lib/mail.ts).
import * as z from 'zod';
import * as suppressions from '../data/suppressions.ts';
import { now } from './clock.ts';

const recipients = z.array(z.object({ emailAddress: z.string().min(3) }));

/** The parts of SES's event (as EventBridge delivers it) that say who should not be written to again. */
const feedback = z.object({
  detail: z.discriminatedUnion('eventType', [
    z.object({ eventType: z.literal('Bounce'), bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients }) }),
    z.object({ eventType: z.literal('Complaint'), complaint: z.object({ complainedRecipients: recipients }) }),
  ]),
});

/** The address alone, where a recipient is given with a name ("Name <address>"). */
const addressOf = (recipient: string) => recipient.match(/<([^>]+)>\s*$/)?.[1] ?? recipient.trim();

/** Records what SES said: a permanent bounce or a complaint suppresses its addresses (a transient bounce, nothing). Answers the addresses suppressed. */
export async function recordFeedback(event: unknown): Promise<string[]> {
  const { detail } = feedback.parse(event);
  if (detail.eventType === 'Bounce' && detail.bounce.bounceType !== 'Permanent') return [];
  const [reason, given] = detail.eventType === 'Bounce' ? (['bounce', detail.bounce.bouncedRecipients] as const) : (['complaint', detail.complaint.complainedRecipients] as const);
  const addresses = given.map((recipient) => addressOf(recipient.emailAddress));
  await Promise.all(addresses.map((address) => suppressions.suppress(address, reason, now())));
  return addresses;
}
