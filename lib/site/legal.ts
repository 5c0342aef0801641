import "server-only";
// The seller's identity a Korean online shop shows on every page (전자상거래법 §10 and its notice on the
// display of business information), from the environment (lib/env.ts, SHOP_*).
import { env } from "@/lib/env";

export type LegalInfo = {
  businessName: string;
  representative: string;
  businessNumber: string;
  mailOrderNumber: string;
  address: string;
  phone: string;
  email: string;
  privacyOfficer: string;
  /** The Fair Trade Commission's page of this business's mail-order report (the customary "사업자정보 확인"). */
  verifyUrl: string;
};

/** The FTC's public look-up of a mail-order business by its registration number (digits only). */
export const ftcVerifyUrl = (businessNumber: string) => `https://www.ftc.go.kr/bizCommPop.do?wrkr_no=${businessNumber.replace(/\D/g, "")}`;

export function legalInfo(): LegalInfo {
  return {
    businessName: env.SHOP_BUSINESS_NAME,
    representative: env.SHOP_REPRESENTATIVE,
    businessNumber: env.SHOP_BUSINESS_NUMBER,
    mailOrderNumber: env.SHOP_MAIL_ORDER_NUMBER,
    address: env.SHOP_ADDRESS,
    phone: env.SHOP_PHONE,
    email: env.SHOP_EMAIL,
    privacyOfficer: env.SHOP_PRIVACY_OFFICER,
    verifyUrl: ftcVerifyUrl(env.SHOP_BUSINESS_NUMBER),
  };
}
