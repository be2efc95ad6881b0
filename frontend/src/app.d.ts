import type { Session } from '#lib/server/session.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, or null. */
      session: Session | null;
    }
  }
}

export {};
