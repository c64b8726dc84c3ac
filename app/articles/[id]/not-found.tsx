import { EntityNotFound } from "@/components/ui/entity-not-found";

export default function NotFound() {
  return <EntityNotFound section="articles" back="/articles" />;
}
