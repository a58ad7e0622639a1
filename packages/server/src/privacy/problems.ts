// Message error codes of privacy: opt-outs, consent, objections and restrictions at send time.
// Its HTTP refusals use the platform's generic problem types (http/problem.ts).
import { defineMessageErrors } from '../messaging/error-catalogue.ts';

export const { OPTED_OUT, NO_CONSENT, OBJECTION, RESTRICTED } = defineMessageErrors('privacy', {
  OPTED_OUT: {
    code: 'opted_out',
    status: 'rejected',
    title: 'The recipient opted out',
    detail: 'the recipient replied STOP; they must reply START before you can message them again',
    when: "any message, on any channel, to a recipient on the account's opt-out list (STOP)",
  },
  NO_CONSENT: {
    code: 'no_consent',
    status: 'rejected',
    title: 'No consent for marketing',
    detail:
      'the recipient has no current marketing consent for this channel (POST /v1/contacts/{id}/consents) and the account enforces consent',
    when: 'a marketing message without a current grant for its channel, where the account enforces consent',
  },
  OBJECTION: {
    code: 'objection',
    status: 'rejected',
    title: 'The recipient objected to marketing',
    detail: 'a data-subject objection excludes this person from marketing; transactional and otp messages still go',
    when: 'a marketing message to a person with a data-subject objection',
  },
  RESTRICTED: {
    code: 'restricted',
    status: 'rejected',
    title: 'Processing is restricted for this recipient',
    detail: "a data-subject restriction limits processing of this person's data to storage: no message is sent",
    when: 'any message to a person with a data-subject restriction',
  },
});
