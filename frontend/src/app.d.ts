import type { ApiClient } from '#lib/api.ts';
import type { Session } from '#lib/server/session.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, or null. */
      session: Session | null;
      /** The API, as the signed-in person if there is one. */
      api: ApiClient;
    }
  }
}

export {};
