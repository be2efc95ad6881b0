// On one machine, a real mail server: MailDev takes what the platform sends over SMTP, and shows it in its web inbox
// (and its REST API, which the tests read).
import { MailDev } from 'maildev';
import { listenHost } from './serve.ts';

export interface MailServerOptions {
  smtpPort: number;
  webPort: number;
  /** Where the mail is kept between starts; in memory when absent. */
  directory?: string;
}

export async function startMailServer({ smtpPort, webPort, directory }: MailServerOptions) {
  const server = new MailDev({ smtp: smtpPort, web: webPort, ip: listenHost, webIp: listenHost, silent: true, ...(directory ? { mailDirectory: directory } : {}) });
  await server.start();
  return {
    smtpUrl: `smtp://localhost:${smtpPort}`,
    inboxUrl: `http://localhost:${webPort}`,
    stop: () => server.stop(),
  };
}
