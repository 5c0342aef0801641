"use client";

import { useEffect } from "react";
import { forgetGuestCartAction } from "@/lib/cart/actions";

/** Rendered after a page merged the guest cart: pages cannot set cookies, so an action removes it. */
export function ForgetGuestCart() {
  useEffect(() => {
    void forgetGuestCartAction();
  }, []);
  return null;
}
