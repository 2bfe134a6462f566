import { Loading } from "~/components/ui/card";

export default function AnalyticsLoading() {
  return <Loading label="Computing your analytics…" />;
}
