import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES } from "@/lib/admin/upload";
import { IngestForm } from "../_components/ingest-form";
import { LogoutButton } from "../_components/logout-button";
import { requireAdminPage } from "../_components/session";
import { adminStrings } from "../_components/strings";

export const metadata: Metadata = { title: "Admin · ingest" };

// Alike the review page by design: every admin page checks the session, then shows its header.
export default async function AdminIngestPage() {
  await requireAdminPage("/admin/ingest");
  const locale = await getLocale();
  const t = adminStrings(locale);
  return (
    <>
      <SubPageHeader
        parent={{ href: "/admin", label: t.title }}
        title={t.ingest}
        subtitle={t.ingestHelp}
        actions={<LogoutButton label={t.logout} />}
      />
      <IngestForm locale={locale} maxFileBytes={MAX_UPLOAD_FILE_BYTES} maxFiles={MAX_UPLOAD_FILES} />
    </>
  );
}
