// Problem types of the policies domain.
import { defineProblems } from '../http/problem.ts';

export const PolicyProblems = defineProblems({
  'policy-deadline-passed': { title: 'The month to object to or accept this policy version has ended', status: 409 },
  'policy-version-exists': {
    title: 'This version of the policy is already published; publish a new version',
    status: 409,
  },
});
