// Cognito pre-token-generation trigger (V2): puts the person's name and e-mail in their access token,
// where the API reads them (Cognito's access tokens carry neither by default). Values are strings, as API Gateway passes claims.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const { name, email, email_verified: emailVerified } = event.request.userAttributes;
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: {
        claimsToAddOrOverride: {
          ...(name ? { name } : {}),
          ...(email ? { email, email_verified: emailVerified ?? 'false' } : {}),
        },
      },
    },
  };
  return event;
};
