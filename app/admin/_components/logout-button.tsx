export function LogoutButton({ label }: { label: string }) {
  return (
    <form method="post" action="/api/admin/logout">
      <button
        type="submit"
        className="h-10 rounded-md border border-line-strong px-3 text-sm text-ink-2 hover:text-ink"
      >
        {label}
      </button>
    </form>
  );
}
