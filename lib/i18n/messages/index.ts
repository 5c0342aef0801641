// All messages, by domain. Add a domain: create messages/<domain>.ts exporting { ko, en } and list it here.
import * as accounts from "./accounts";
import * as alerts from "./alerts";
import * as address from "./address";
import * as cart from "./cart";
import * as codes from "./codes";
import * as common from "./common";
import * as fulfilment from "./fulfilment";
import * as orders from "./orders";
import * as payments from "./payments";
import * as phone from "./phone";
import * as seller from "./seller";
import * as shop from "./shop";
import * as site from "./site";

export const messages = {
  ko: { common: common.ko, codes: codes.ko, accounts: accounts.ko, alerts: alerts.ko, address: address.ko, cart: cart.ko, orders: orders.ko, fulfilment: fulfilment.ko, payments: payments.ko, phone: phone.ko, seller: seller.ko, shop: shop.ko, site: site.ko },
  en: { common: common.en, codes: codes.en, accounts: accounts.en, alerts: alerts.en, address: address.en, cart: cart.en, orders: orders.en, fulfilment: fulfilment.en, payments: payments.en, phone: phone.en, seller: seller.en, shop: shop.en, site: site.en },
};

export type Messages = (typeof messages)["ko"];
