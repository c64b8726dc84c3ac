// next-intl request config: the locale comes from the NEXT_LOCALE cookie (zh by default).
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./config";
import zh from "@/messages/zh.json";
import en from "@/messages/en.json";

const MESSAGES = { zh, en } as const;

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = toLocale(store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" };
});
