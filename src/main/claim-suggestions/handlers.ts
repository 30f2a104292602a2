/** The service's suggested-claims operations: batch annotation changes and dismissals. */
import { ServiceError } from '../../shared/contract/errors';
import type { ServiceHandlers } from '../../shared/contract/operations';

type SuggestionOperations = Pick<
  ServiceHandlers,
  | 'createAnnotations'
  | 'deleteAnnotations'
  | 'restoreAnnotations'
  | 'listSuggestionDismissals'
  | 'dismissSuggestion'
  | 'undismissSuggestion'
>;

const notYet = (): never => {
  throw new ServiceError('invalid_request', 'not implemented yet');
};

export function createClaimSuggestionHandlers(): SuggestionOperations {
  return {
    createAnnotations: notYet,
    deleteAnnotations: notYet,
    restoreAnnotations: notYet,
    listSuggestionDismissals: notYet,
    dismissSuggestion: notYet,
    undismissSuggestion: notYet,
  };
}
