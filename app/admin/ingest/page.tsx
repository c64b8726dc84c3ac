import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES } from "@/lib/admin/upload";
import { IngestForm } from "../_components/ingest-form";
import { LogoutButton } from "../_components/logout-button";
import { requireAdminPage } from "../_components/session";
import { adminStrings } from "../_components/strings";

export const metadata: Metadata = { title: "Admin · ingest" };

export default async function AdminIngestPage() {
  await requireAdminPage("/admin/ingest");
  const locale = await getLocale();
  const t = adminStrings(locale);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin" className="hover:underline">
            {t.title}
          </Link>
        }
        title={t.ingest}
        subtitle={t.ingestHelp}
        actions={<LogoutButton label={t.logout} />}
      />
      <IngestForm locale={locale} maxFileBytes={MAX_UPLOAD_FILE_BYTES} maxFiles={MAX_UPLOAD_FILES} />
    </>
  );
}
