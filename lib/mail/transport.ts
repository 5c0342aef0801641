// Sending mail: SMTP through nodemailer when SMTP_URL is set, otherwise a DevMail row that the
// development mailbox (/dev/mailbox) shows. Idempotent per mail id: a retried job never stores a mail twice.
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type Mail = { id: string; to: string; subject: string; text: string; html: string };

let smtp: Transporter | undefined;

export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL);
    // messageId lets the receiving side deduplicate a retried send.
    await smtp.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@hurryup>` });
    return;
  }
  await db.devMail.createMany({ data: [mail], skipDuplicates: true });
}
